export default definePageConfig({
  navigationBarTitleText: '门店交易',
  navigationBarBackgroundColor: '#24323f',
  navigationBarTextStyle: 'white',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
