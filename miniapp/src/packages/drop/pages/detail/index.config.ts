import { colors } from '../../../../styles/tokens';

export default definePageConfig({
  navigationBarTitleText: '每周团购',
  navigationBarBackgroundColor: colors.surfaceWarm,
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  // 分享到朋友圈, with the same referral token (useReferralShare).
  enableShareTimeline: true,
  backgroundTextStyle: 'dark',
});
