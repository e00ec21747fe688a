export default definePageConfig({
  navigationBarTitleText: '申请成为推手',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
