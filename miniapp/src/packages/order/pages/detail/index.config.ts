export default definePageConfig({
  navigationBarTitleText: '订单详情',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
