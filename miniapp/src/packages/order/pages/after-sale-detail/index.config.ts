import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '售后详情',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
