import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '提现',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
