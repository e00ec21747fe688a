export default definePageConfig({
  navigationBarTitleText: '我的券',
  navigationBarBackgroundColor: '#fff8f3',
});
