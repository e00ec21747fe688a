import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '个人信息与隐私',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
