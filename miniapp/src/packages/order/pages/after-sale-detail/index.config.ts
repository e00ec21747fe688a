export default definePageConfig({
  navigationBarTitleText: '售后详情',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
