import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '核销自提',
  navigationBarBackgroundColor: colors.staff,
  navigationBarTextStyle: 'white',
});
