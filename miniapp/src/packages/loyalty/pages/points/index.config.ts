import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的积分',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
