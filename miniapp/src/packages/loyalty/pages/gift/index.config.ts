import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '礼品详情',
  navigationBarBackgroundColor: colors.surfaceWarm,
});
