import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '佣金明细',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
