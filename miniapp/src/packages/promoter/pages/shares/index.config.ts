import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '推广效果',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
