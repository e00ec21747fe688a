import type { Page } from './pagination.contract';

/**
 * Subscribe messages (订阅消息): the templates the product sends, the member's consents, and the sends.
 * A key names a message in code; its WeChat template id comes from the deployment's configuration.
 */
export const MESSAGE_TEMPLATE_KEYS = ['dropReminder', 'orderShipped', 'refundResult', 'couponExpiring'] as const;
export type MessageTemplateKey = (typeof MESSAGE_TEMPLATE_KEYS)[number];

/** What the member and the console read for each template. */
export const MESSAGE_TEMPLATE_NAMES: Record<MessageTemplateKey, string> = {
  dropReminder: '团购开抢提醒',
  orderShipped: '订单发货通知',
  refundResult: '退款结果通知',
  couponExpiring: '优惠券过期提醒',
};

/** Where in the mini program the member was asked (kept with each consent, for the audit trail). */
export const MESSAGE_CONSENT_SOURCE_MAX = 120;

/** POST /api/me/message-consents: what `wx.requestSubscribeMessage` answered. */
export interface ReportMessageConsentsRequest {
  /** Template ids answered 'accept': one consent each. */
  accepted: string[];
  /** Template ids answered 'reject' (or 'ban'): recorded, nothing granted. */
  rejected?: string[];
  /** The page that asked, e.g. `packages/drop/pages/detail/index`. */
  sourcePage: string;
}

/** One template's consents as the member sees them. */
export interface MessageConsentView {
  templateKey: MessageTemplateKey;
  templateId: string;
  templateName: string;
  /** Messages the brand may still send with the consents given (one per 允许). */
  unspent: number;
  lastGrantedAt: string | null;
}

/** GET /api/me/message-consents, and the answer of the report and withdraw routes. */
export interface MessageConsentsResponse {
  items: MessageConsentView[];
}

/** POST /api/me/message-consents/withdraw. */
export interface WithdrawMessageConsentsRequest {
  /** The template whose unspent consents are dropped. */
  templateId: string;
}

/**
 * A send's state. DEFERRED waits for the end of the quiet hours; SENT WeChat accepted (msgid); SKIPPED never went
 * to WeChat (skipReason); REFUSED WeChat answered 43101 (the consent is gone); FAILED another errcode.
 */
export type MessageSendStatus = 'DEFERRED' | 'SENT' | 'SKIPPED' | 'REFUSED' | 'FAILED';
export const MESSAGE_SEND_STATUSES: readonly MessageSendStatus[] = ['DEFERRED', 'SENT', 'SKIPPED', 'REFUSED', 'FAILED'];
export type MessageSkipReason = 'NO_CONSENT' | 'CAPPED' | 'NO_MEMBER' | 'UNKNOWN_TEMPLATE';

/** A row of the console's 消息触达 list (GET /api/admin/messages/sends). */
export interface AdminMessageSendRow {
  id: number;
  memberId: number;
  memberPhoneMasked: string | null;
  templateKey: MessageTemplateKey;
  templateName: string;
  status: MessageSendStatus;
  skipReason: MessageSkipReason | null;
  msgid: string | null;
  errcode: number | null;
  requestedAt: string;
  dueAt: string;
  sentAt: string | null;
}

export type AdminMessageSendsResponse = Page<AdminMessageSendRow> & {
  /** Per template, over the same filters: how many of each status. */
  counts: { templateKey: MessageTemplateKey; templateName: string; status: MessageSendStatus; count: number }[];
};
