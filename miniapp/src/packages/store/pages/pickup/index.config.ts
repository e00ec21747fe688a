export default definePageConfig({
  navigationBarTitleText: '核销自提',
  navigationBarBackgroundColor: '#24323f',
  navigationBarTextStyle: 'white',
});
