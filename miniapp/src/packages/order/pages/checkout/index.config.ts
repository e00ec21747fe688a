export default definePageConfig({
  navigationBarTitleText: '确认订单',
  navigationBarBackgroundColor: '#fff8f3',
});
