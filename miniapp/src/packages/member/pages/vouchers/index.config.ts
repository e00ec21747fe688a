import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的券',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
