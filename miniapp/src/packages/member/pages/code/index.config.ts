import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: colors.premium,
  navigationBarTextStyle: 'white',
  backgroundColor: colors.premium,
});
