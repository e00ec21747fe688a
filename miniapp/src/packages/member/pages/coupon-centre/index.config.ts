export default definePageConfig({
  navigationBarTitleText: '领券中心',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
});
