import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '可用商品',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
});
