import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '积分商城',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
