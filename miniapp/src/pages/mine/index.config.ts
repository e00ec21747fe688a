export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  usingComponents: {},
});
