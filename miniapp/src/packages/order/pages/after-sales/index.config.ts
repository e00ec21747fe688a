export default definePageConfig({
  navigationBarTitleText: '退款/售后',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
