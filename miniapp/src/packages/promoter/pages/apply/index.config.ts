import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '申请成为推手',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
