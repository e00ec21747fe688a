export default definePageConfig({
  navigationBarTitleText: '推广海报',
  navigationBarBackgroundColor: '#fff8f3',
});
