export default definePageConfig({
  navigationBarTitleText: '门店二维码',
  navigationBarBackgroundColor: '#24323f',
  navigationBarTextStyle: 'white',
});
