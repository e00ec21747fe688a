export default definePageConfig({
  navigationBarTitleText: 'Tidepool 会员商城',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  usingComponents: {},
});
