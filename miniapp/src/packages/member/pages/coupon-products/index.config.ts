export default definePageConfig({
  navigationBarTitleText: '可用商品',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
});
