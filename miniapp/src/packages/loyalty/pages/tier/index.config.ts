import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '会员等级',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
