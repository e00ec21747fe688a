import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '门店交易',
  navigationBarBackgroundColor: colors.staff,
  navigationBarTextStyle: 'white',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
