/**
 * Every error the API can answer with, as `{ code, message }`. The HTTP status lives beside the code so the
 * server's one exception filter and the mini program agree; the message is the plain-Chinese text a user may
 * see (the mini program shows it by code, never raw server text). Modules add their codes here.
 */
export const ERROR_CODES = {
  // Request shape
  VALIDATION_FAILED: { status: 400, message: '请求参数有误' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  BODY_TOO_DEEP: { status: 400, message: '请求内容嵌套层级过深' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求格式' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方法' },
  // Identity
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  // The staff-login guess limit cannot be checked (its shared store is down): logins wait rather than go unlimited.
  LOGIN_TEMPORARILY_UNAVAILABLE: { status: 503, message: '登录服务暂时不可用，请稍后再试' },
  STAFF_LOGIN_FAILED: { status: 401, message: '账号或密码错误' },
  STAFF_NOT_FOUND: { status: 404, message: '店员账号不存在' },
  STAFF_INVITE_INVALID: { status: 400, message: '邀请码无效或已过期，请联系运营重新邀请' },
  STAFF_WECHAT_ALREADY_BOUND: { status: 409, message: '该微信已绑定其他店员账号' },
  STAFF_WECHAT_NOT_BOUND: { status: 401, message: '该微信未绑定店员账号，请使用账号密码登录' },
  STAFF_DISABLED: { status: 403, message: '该账号已停用，请联系店长或运营' },
  STAFF_USERNAME_TAKEN: { status: 409, message: '该用户名已被使用' },
  // WeChat login (wx.login code and getPhoneNumber code are single use and expire within minutes)
  WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证无效，请重新登录' },
  WECHAT_CODE_USED: { status: 400, message: '微信登录凭证已使用，请重新登录' },
  // Membership
  NOT_SIGNED_UP: { status: 403, message: '请先成为会员' },
  CONSENT_REQUIRED: { status: 400, message: '请阅读并同意最新的隐私政策' },
  BIRTHDAY_ALREADY_SET: { status: 409, message: '生日设置后不能修改' },
  PHONE_IN_USE: { status: 409, message: '该手机号已绑定其他会员' },
  PHONE_INVALID: { status: 400, message: '请输入正确的手机号（1 开头的 11 位大陆手机号）' },
  // Brand rules (versioned settings)
  BRAND_RULES_VERSION_NOT_FOUND: { status: 404, message: '规则版本不存在' },
  BRAND_RULES_ALREADY_IN_FORCE: { status: 409, message: '该版本已生效，不能撤销；如需调整请新建版本' },
  GROWTH_ADJUSTMENT_BELOW_ZERO: { status: 409, message: '扣减后成长值将小于 0，请调整扣减数量' },
  POINTS_ADJUSTMENT_BELOW_ZERO: { status: 409, message: '扣减后积分将小于 0，请调整扣减数量' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在' },
  MEMBER_DELETION_REQUEST_NOT_FOUND: { status: 404, message: '注销申请不存在' },
  MEMBER_FACTS_NOT_FOUND: { status: 404, message: '该会员尚未注册，暂无成长数据' },
  MEMBER_CODE_INVALID: { status: 400, message: '会员码无效，请让顾客刷新后重试' },
  MEMBER_CODE_EXPIRED: { status: 400, message: '会员码已过期，请让顾客刷新后重试' },
  MEMBER_CODE_USED: { status: 409, message: '会员码已使用，请让顾客刷新后重试' },
  SCAN_EXPIRED: { status: 410, message: '本次扫码已超时，请重新扫描会员码' },
  SIGNUP_CODE_NOT_FOUND: { status: 404, message: '门店二维码无效' },
  STORE_NOT_FOUND: { status: 404, message: '门店不存在' },
  STORE_CODE_TAKEN: { status: 409, message: '门店编码已被使用' },
  VOUCHER_NOT_FOUND: { status: 404, message: '券不存在' },
  VOUCHER_ALREADY_REDEEMED: { status: 409, message: '该券已核销' },
  VOUCHER_EXPIRED: { status: 409, message: '该券已过期' },
  // Catalogue
  CATEGORY_NOT_FOUND: { status: 404, message: '分类不存在' },
  PRODUCT_NOT_FOUND: { status: 404, message: '商品不存在或已下架' },
  // Address book
  ADDRESS_NOT_FOUND: { status: 404, message: '收货地址不存在' },
  ADDRESS_LIMIT_REACHED: { status: 409, message: '收货地址最多保存 20 个，请先删除不用的地址' },
  // Loyalty
  POINTS_INSUFFICIENT: { status: 409, message: '积分不足' },
  LOYALTY_SOURCE_NOT_FOUND: { status: 404, message: '找不到对应的积分或成长值记录' },
  LOYALTY_REQUEST_CONFLICT: { status: 409, message: '该请求已处理，且内容与本次不同' },
  // Commerce (pricing, coupons, order and refund lifecycles)
  COUPON_NOT_APPLICABLE: { status: 409, message: '该优惠券不适用于所选商品' },
  COUPON_NOT_STARTED: { status: 409, message: '该优惠券尚未到使用时间' },
  COUPON_EXPIRED: { status: 409, message: '该优惠券已过期' },
  COUPON_THRESHOLD_NOT_MET: { status: 409, message: '未达到该优惠券的使用门槛' },
  COUPON_NOT_STACKABLE: { status: 409, message: '所选优惠券不能同时使用' },
  COUPON_NOT_FOUND: { status: 404, message: '优惠券不存在' },
  COUPON_ALREADY_USED: { status: 409, message: '该优惠券已使用' },
  COUPON_TEMPLATE_NOT_FOUND: { status: 404, message: '优惠券模板不存在' },
  CAMPAIGN_NOT_FOUND: { status: 404, message: '营销活动不存在' },
  CAMPAIGN_STATUS_CONFLICT: { status: 409, message: '营销活动状态已变化，无法执行此操作' },
  // Segments (人群)
  SEGMENT_RULE_INVALID: { status: 400, message: '人群条件有误' },
  SEGMENT_NOT_FOUND: { status: 404, message: '人群不存在' },
  COUPON_NOT_CLAIMABLE: { status: 404, message: '该券不在领券中心或已下架' },
  COUPON_CLAIM_LIMIT: { status: 409, message: '你已领取过该券' },
  COUPON_CLAIM_SOLD_OUT: { status: 409, message: '该券已被抢光' },
  COUPON_TEMPLATE_STOPPED: { status: 409, message: '该优惠券已停用，不能再发放' },
  COUPON_STOCK_SHORT: { status: 409, message: '优惠券库存不足' },
  STOCK_INSUFFICIENT: { status: 409, message: '库存不足' },
  PRICE_CHANGED: { status: 409, message: '商品价格或优惠已变化，请确认新的金额' },
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在' },
  SKU_NOT_FOUND: { status: 404, message: '商品规格不存在' },
  PRODUCT_OFF_SHELF: { status: 409, message: '商品已下架' },
  RETURN_WINDOW_CLOSED: { status: 409, message: '已超过售后期限' },
  ORDER_STATE_CONFLICT: { status: 409, message: '订单状态已变化，请刷新后重试' },
  REFUND_STATE_CONFLICT: { status: 409, message: '退款状态已变化，请刷新后重试' },
  // After-sales (售后)
  AFTER_SALE_NOT_FOUND: { status: 404, message: '售后单不存在' },
  AFTER_SALE_STATE_CONFLICT: { status: 409, message: '售后状态已变化，请刷新后重试' },
  AFTER_SALE_QUANTITY_EXCEEDED: { status: 409, message: '申请数量超过可售后数量' },
  AFTER_SALE_LINE_NOT_FOUND: { status: 404, message: '订单中没有这件商品' },
  AFTER_SALE_TYPE_NOT_ALLOWED: { status: 409, message: '订单发货后才能申请退货退款，未发货请选择仅退款' },
  AFTER_SALE_REQUEST_CONFLICT: { status: 409, message: '该售后申请已提交，且内容与本次不同' },
  ORDER_NOT_PAID: { status: 409, message: '订单未支付，不能申请售后' },
  PHOTO_NOT_FOUND: { status: 404, message: '图片不存在或已失效，请重新上传' },
  PHOTO_TYPE_UNSUPPORTED: { status: 415, message: '只支持 JPG、PNG、WebP 格式的图片' },
  PHOTO_TOO_LARGE: { status: 413, message: '图片不能超过 5MB' },
  // Fulfilment (shipping, receipt, store pickup)
  ORDER_PICKUP_NOT_FOUND: { status: 404, message: '自提码无效，请核对后重试' },
  ORDER_PICKUP_WRONG_STORE: { status: 409, message: '该订单需在其他门店自提' },
  ORDER_ALREADY_PICKED_UP: { status: 409, message: '该订单已提货' },
  ORDER_ALREADY_SHIPPED: { status: 409, message: '该订单已发货' },
  // Till purchases (store mode)
  TILL_TXN_NOT_FOUND: { status: 404, message: '门店交易不存在' },
  TILL_TXN_ALREADY_REFUNDED: { status: 409, message: '该门店交易已退款' },
  TILL_TXN_CONFLICT: { status: 409, message: '该交易编号已用于另一笔交易' },
  // Points mall
  GIFT_NOT_FOUND: { status: 404, message: '礼品不存在或已下架' },
  GIFT_OUT_OF_STOCK: { status: 409, message: '礼品已兑完' },
  GIFT_FULFILMENT_UNAVAILABLE: { status: 400, message: '该礼品不支持所选的领取方式' },
  SHIPPING_ADDRESS_REQUIRED: { status: 400, message: '请填写收货地址' },
  REDEMPTION_REQUEST_CONFLICT: { status: 409, message: '该兑换请求已提交，且内容与本次不同' },
  GIFT_PICKUP_NOT_FOUND: { status: 404, message: '提货码无效，请核对后重试' },
  GIFT_ALREADY_PICKED_UP: { status: 409, message: '该礼品已核销领取' },
  REDEMPTION_NOT_FOUND: { status: 404, message: '兑换记录不存在' },
  REDEMPTION_NOT_SHIPPABLE: { status: 409, message: '该兑换不是待发货的快递兑换' },
  // Payments (WeChat Pay v3)
  PAYMENT_UNAVAILABLE: { status: 503, message: '支付服务暂时不可用，请稍后再试' },
  PAYMENT_REJECTED: { status: 502, message: '支付请求未被受理，请稍后再试' },
  PAYMENT_ORDER_NOT_FOUND: { status: 404, message: '支付单不存在' },
  PAYMENT_ORDER_CLOSED: { status: 409, message: '支付单已关闭，请重新下单' },
  PAYMENT_ORDER_PAID: { status: 409, message: '该订单已支付' },
  PAYMENT_REFUND_REJECTED: { status: 409, message: '退款申请未被受理，请稍后再试或联系客服' },
  PAYMENT_REFUND_NOT_FOUND: { status: 404, message: '退款单不存在' },
  // Cart (and the catalogue's operator endpoints)
  SKU_CODE_TAKEN: { status: 409, message: '商品编码已被使用' },
  SKU_SPECS_TAKEN: { status: 409, message: '该商品已有相同的规格组合' },
  STOCK_OUT_OF_RANGE: { status: 409, message: '调整后的库存超出范围' },
  PRODUCT_STALE: { status: 409, message: '商品已被他人修改，请刷新后重试' },
  IMAGE_INVALID: { status: 400, message: '只支持 JPG、PNG、WebP 格式的图片' },
  IMAGE_TOO_LARGE: { status: 413, message: '图片不能超过 2MB' },
  CART_OUT_OF_STOCK: { status: 409, message: '商品已售罄' },
  CART_LINE_LIMIT: { status: 409, message: '每件商品最多购买 99 件' },
  CART_FULL: { status: 409, message: '购物车已满，请先清理部分商品' },
  CART_MERGE_CONFLICT: { status: 409, message: '购物车合并请求重复且内容不同' },
  // Weekly drops (团购)
  DROP_NOT_FOUND: { status: 404, message: '团购活动不存在' },
  DROP_NOT_OPEN: { status: 409, message: '团购尚未开始' },
  DROP_ENDED: { status: 409, message: '团购已结束' },
  DROP_SOLD_OUT: { status: 409, message: '已抢光' },
  DROP_LIMIT_REACHED: { status: 409, message: '已达到每人限购数量' },
  DROP_NOT_CANCELLABLE: { status: 409, message: '团购已开始，不能取消' },
  // Distribution (分销)
  PROMOTER_NOT_APPROVED: { status: 403, message: '您还不是推手，请先申请成为推手' },
  PROMOTER_NOT_FOUND: { status: 404, message: '推手不存在' },
  PROMOTER_STATE_CONFLICT: { status: 409, message: '推手状态已变化，请刷新后重试' },
  SHARE_TARGET_NOT_FOUND: { status: 404, message: '推广的商品或活动不存在' },
  COMMISSION_RATE_INVALID: { status: 400, message: '佣金比例无效：两级合计不能超过上限' },
  COMMISSION_INSUFFICIENT: { status: 409, message: '可提现佣金不足' },
  WITHDRAW_BELOW_MINIMUM: { status: 400, message: '提现金额低于最低提现额' },
  WITHDRAW_DAILY_LIMIT: { status: 409, message: '已超过今日提现额度' },
  WITHDRAW_REQUEST_CONFLICT: { status: 409, message: '该提现请求已提交，且内容与本次不同' },
  WITHDRAWAL_NOT_FOUND: { status: 404, message: '提现记录不存在' },
  WITHDRAWAL_STATE_CONFLICT: { status: 409, message: '提现状态已变化，请刷新后重试' },
  // Infrastructure
  DATABASE_UNAVAILABLE: { status: 503, message: '服务繁忙，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '系统开小差了，请稍后再试' },
  // Client-side only (the mini program's HTTP client)
  NETWORK_ERROR: { status: 0, message: '网络不给力，请检查网络后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** The body of every error response. `details` carries field-level reasons for validation errors. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: ApiErrorDetail[];
}

export interface ApiErrorDetail {
  field: string;
  reason: string;
}
