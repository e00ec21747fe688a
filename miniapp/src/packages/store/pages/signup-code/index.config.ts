export default definePageConfig({
  navigationBarTitleText: '会员注册码',
  navigationBarBackgroundColor: '#24323f',
  navigationBarTextStyle: 'white',
});
