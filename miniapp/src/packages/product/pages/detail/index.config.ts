export default definePageConfig({
  navigationBarTitleText: '商品详情',
  usingComponents: {},
  // 分享 cards carry the promoter's referral token (useReferralShare).
  enableShareAppMessage: true,
});
