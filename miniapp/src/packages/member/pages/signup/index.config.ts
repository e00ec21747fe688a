import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '成为会员',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
