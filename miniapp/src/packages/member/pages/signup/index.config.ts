export default definePageConfig({
  navigationBarTitleText: '成为会员',
  navigationBarBackgroundColor: '#fff8f3',
});
