export default definePageConfig({
  navigationBarTitleText: '推广效果',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
