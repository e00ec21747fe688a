export default definePageConfig({
  navigationBarTitleText: '佣金明细',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
