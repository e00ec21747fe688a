export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#3b302a',
  navigationBarTextStyle: 'white',
  backgroundColor: '#3b302a',
});
