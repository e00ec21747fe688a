import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '退款/售后',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
