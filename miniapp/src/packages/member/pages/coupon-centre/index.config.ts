import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '领券中心',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
});
