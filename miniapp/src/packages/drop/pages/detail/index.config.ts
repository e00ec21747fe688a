export default definePageConfig({
  navigationBarTitleText: '每周团购',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  backgroundTextStyle: 'dark',
});
