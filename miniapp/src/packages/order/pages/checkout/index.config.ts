import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '确认订单',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
