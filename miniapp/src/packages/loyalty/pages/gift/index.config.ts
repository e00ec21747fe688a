export default definePageConfig({
  navigationBarTitleText: '礼品详情',
  navigationBarBackgroundColor: '#fff8f3',
});
