export default definePageConfig({
  navigationBarTitleText: '商品详情',
  usingComponents: {},
  // 分享 cards carry the promoter's referral token (useReferralShare).
  enableShareAppMessage: true,
  // 分享到朋友圈, with the same referral token (useReferralShare).
  enableShareTimeline: true,
});
