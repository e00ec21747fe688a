import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '门店二维码',
  navigationBarBackgroundColor: colors.staff,
  navigationBarTextStyle: 'white',
});
