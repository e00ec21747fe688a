import type { MessageConsentsResponse, MessageConsentView, ReportMessageConsentsRequest } from '@tidepool/shared';
import { memberRequest } from './session';

/**
 * The member's subscribe-message consents (订阅消息). Each 允许 in wx.requestSubscribeMessage lets the brand send
 * one message of that template; the server keeps the count and sends only against it.
 */

/** GET /api/me/message-consents. */
export function getMessageConsents(): Promise<MessageConsentsResponse> {
  return memberRequest<MessageConsentsResponse>('/api/me/message-consents');
}

/** POST /api/me/message-consents: what the subscribe dialog answered. */
export function reportMessageConsents(body: ReportMessageConsentsRequest): Promise<MessageConsentsResponse> {
  return memberRequest<MessageConsentsResponse>('/api/me/message-consents', {
    method: 'POST',
    body: { accepted: [...body.accepted], rejected: [...(body.rejected ?? [])], sourcePage: body.sourcePage },
  });
}

/** POST /api/me/message-consents/withdraw: drops the template's unspent consents. */
export function withdrawMessageConsents(templateId: string): Promise<MessageConsentsResponse> {
  return memberRequest<MessageConsentsResponse>('/api/me/message-consents/withdraw', {
    method: 'POST',
    body: { templateId },
  });
}

/**
 * Splits wx.requestSubscribeMessage's answer (`{ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }`) into
 * the ids accepted and those declined. 'filter' (WeChat hid the template) is neither: the member was not asked.
 */
export function splitSubscribeAnswer(
  asked: readonly string[],
  answer: Record<string, string> | null,
): { accepted: string[]; rejected: string[] } {
  if (!answer) return { accepted: [], rejected: [] };
  const accepted = asked.filter((id) => answer[id] === 'accept');
  const rejected = asked.filter((id) => answer[id] === 'reject' || answer[id] === 'ban');
  return { accepted, rejected };
}

/** Reports the answer without holding up the page: the consent is WeChat's either way; ours is the record. */
export function reportSubscribeAnswer(
  asked: readonly string[],
  answer: Record<string, string> | null,
  sourcePage: string,
): void {
  const split = splitSubscribeAnswer(asked, answer);
  if (split.accepted.length === 0 && split.rejected.length === 0) return;
  reportMessageConsents({ ...split, sourcePage }).catch(() => undefined);
}

/** One line of the privacy page's 订阅消息 list. */
export interface ConsentRow {
  templateId: string;
  name: string;
  /** e.g. 还可发送 2 次 / 无剩余 (all sent or withdrawn) */
  left: string;
  /** Only unspent consents can be withdrawn. */
  canWithdraw: boolean;
}

export function consentRows(items: readonly MessageConsentView[]): ConsentRow[] {
  return items.map((item) => ({
    templateId: item.templateId,
    name: item.templateName,
    left: item.unspent > 0 ? `还可发送 ${item.unspent} 次` : '无剩余',
    canWithdraw: item.unspent > 0,
  }));
}

/** The confirmation shown before 撤回. */
export function withdrawConfirmText(row: ConsentRow): string {
  return `撤回后，我们将不再向你发送「${row.name}」（剩余 ${row.left.replace(/\D/g, '')} 次全部作废）。确定撤回吗？`;
}
