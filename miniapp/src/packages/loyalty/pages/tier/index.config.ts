export default definePageConfig({
  navigationBarTitleText: '会员等级',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
