import { PRIVACY_TERMS_VERSION } from '@tidepool/shared';

/**
 * The member privacy terms (会员隐私政策) shown before signup. The member consents to this text by its version
 * (PRIVACY_TERMS_VERSION, recorded by the server); change the version whenever the text changes.
 */
export const PRIVACY_TERMS = {
  version: PRIVACY_TERMS_VERSION,
  title: 'Tidepool 会员隐私政策',
  sections: [
    {
      heading: '一、我们收集哪些信息',
      body: '成为会员时，我们会收集你授权的微信手机号，以及你自愿填写的生日（仅月日）。你在门店出示会员码、使用优惠券时，我们会记录时间和门店。',
    },
    {
      heading: '二、我们如何使用这些信息',
      body: '手机号用于识别会员身份和找回账户；生日用于发放生日权益；消费和到店记录用于计算成长值、积分和会员等级，以及发放和核销优惠券。我们不会向你发送未经你订阅的营销消息。',
    },
    {
      heading: '三、门店店员能看到什么',
      body: '店员扫描你的会员码时，只能看到隐去中间四位的手机号、会员等级、成长值、积分、可用的券，以及今天是否为会员日或你的生日，看不到完整手机号。',
    },
    {
      heading: '四、会员码',
      body: '会员码每 30 秒自动刷新，仅用于门店识别会员，请勿截图或发送给他人。',
    },
    {
      heading: '五、你的权利',
      body: '你可以随时在“我的 › 个人信息与隐私”中导出我们保存的你的全部个人信息，也可以注销账户。注销后，你的手机号、生日等个人信息将被删除或匿名化，会员等级、积分和券将一并作废，且无法恢复。',
    },
    {
      heading: '六、联系我们',
      body: '如对本政策有任何疑问，可在门店咨询店员，或通过小程序内的客服入口联系我们。',
    },
  ],
} as const;
