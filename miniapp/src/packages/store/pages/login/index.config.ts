import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '门店模式',
  navigationBarBackgroundColor: colors.staff,
  navigationBarTextStyle: 'white',
});
