export default definePageConfig({
  navigationBarTitleText: '我的团购订单',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  backgroundTextStyle: 'dark',
});
