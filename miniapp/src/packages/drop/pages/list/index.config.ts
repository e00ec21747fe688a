import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '本周团购',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
