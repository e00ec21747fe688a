export default definePageConfig({
  navigationBarTitleText: '本周团购',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
