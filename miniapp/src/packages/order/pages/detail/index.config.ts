import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '订单详情',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
