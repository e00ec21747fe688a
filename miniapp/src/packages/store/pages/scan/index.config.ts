export default definePageConfig({
  navigationBarTitleText: '门店模式',
  navigationBarBackgroundColor: '#24323f',
  navigationBarTextStyle: 'white',
});
