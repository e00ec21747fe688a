import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的团购订单',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  backgroundTextStyle: 'dark',
});
