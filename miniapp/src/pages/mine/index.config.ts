import { colors } from '../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  usingComponents: {},
});
