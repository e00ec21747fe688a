export default definePageConfig({
  navigationBarTitleText: '我的订单',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
