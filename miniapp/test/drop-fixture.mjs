// What the weapp drop-page tests (weapp-drop, weapp-share) both serve in miniprogram-simulate: drop 7 with its one
// item, as GET /api/drops/7 answers, and the WeChat login the page makes before anything else.

/** Drop 7 as the server would show it; only the timing, the phase and the member's bits differ between the tests. */
export function dropView({ opensAt, closesAt, serverTime, phase, earlyAccess = [], reminded = false }) {
  return {
    id: 7,
    title: '周五午间团购',
    description: '会员专享团购价',
    recurrence: 'ONCE',
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    myOpensAt: new Date(opensAt).toISOString(),
    phase,
    earlyAccess,
    serverTime: new Date(serverTime).toISOString(),
    reservationSeconds: 300,
    reminded,
    reminderTemplateId: 'tmpl-drop-open',
    items: [
      {
        id: 70,
        skuId: 11,
        productId: 1,
        productName: '真无线蓝牙耳机',
        specText: '白色',
        imageUrl: '/static/products/1.svg',
        listPriceFen: 9900,
        dropPriceFen: 5900,
        cap: 10,
        perMemberLimit: 2,
        left: 7,
        soldOut: false,
        myQuantity: 0,
      },
    ],
  };
}

/** wx.login answering a fixed code a moment later, as WeChat does. */
export function simLogin(options) {
  setTimeout(() => {
    const res = { code: 'sim-login-code', errMsg: 'login:ok' };
    options.success?.(res);
    options.complete?.(res);
  }, 1);
}
