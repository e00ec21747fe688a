export default definePageConfig({
  navigationBarTitleText: '推广中心',
  navigationBarBackgroundColor: '#fff8f3',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 邀请好友成为推手: the card opens 申请成为推手 with this promoter's invite token.
  enableShareAppMessage: true,
});
