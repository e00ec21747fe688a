import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '推广海报',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
