import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的客户',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
