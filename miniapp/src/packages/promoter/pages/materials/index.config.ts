import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '推广素材',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
