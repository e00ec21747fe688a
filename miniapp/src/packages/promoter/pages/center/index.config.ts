import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '推广中心',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 邀请好友成为推手: the card opens 申请成为推手 with this promoter's invite token.
  enableShareAppMessage: true,
});
