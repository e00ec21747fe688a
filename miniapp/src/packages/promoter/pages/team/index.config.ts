import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的团队',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
