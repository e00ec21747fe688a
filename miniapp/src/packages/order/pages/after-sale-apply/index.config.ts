import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '申请售后',
  navigationBarBackgroundColor: colors.surfaceWarm,
  backgroundTextStyle: 'dark',
});
