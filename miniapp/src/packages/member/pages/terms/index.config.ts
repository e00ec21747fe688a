import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '会员隐私政策',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
