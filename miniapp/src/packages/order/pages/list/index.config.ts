import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的订单',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
