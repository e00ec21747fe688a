export default definePageConfig({
  navigationBarTitleText: '申请售后',
  navigationBarBackgroundColor: '#fff8f3',
  backgroundTextStyle: 'dark',
});
