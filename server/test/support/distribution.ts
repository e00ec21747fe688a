import { getDataSourceToken } from '@nestjs/typeorm';
import type { AdminSkuDto, RecordVisitResponse, ShareTokenView } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { createSku } from '../factories/catalog.factory';
import { createMember, type MemberActor } from '../factories/member.factory';
import { createPromoter, type PromoterActor } from '../factories/promoter.factory';
import type { Actor } from './actors';
import { settleOutbox } from './outbox';
import type { TestApp } from './test-app';
import { simulatorOf } from './wechatpay';

/** Helpers for distribution tests: shares and visits, refunds; people and orders come from the factories. */
export { completeOrder, paidOrder } from '../factories/order.factory';
export { settleOutbox } from './outbox';

export const ds = (t: TestApp) => t.app.get<DataSource>(getDataSourceToken());

/** A signed-up member of its own, with its id. */
export const member = (t: TestApp, name: string): Promise<MemberActor> => createMember(t, { name });

/** An approved promoter of its own. */
export const promoter = (t: TestApp, operator: Actor, name: string, inviteToken?: string): Promise<PromoterActor> =>
  createPromoter(t, operator, name, inviteToken);

/** One SKU per price, each of a product of its own with plenty of stock (lines of distinct products). */
export async function skus(t: TestApp, prices: number[]): Promise<AdminSkuDto[]> {
  const made: AdminSkuDto[] = [];
  for (const price of prices) made.push(await createSku(t, price, 10_000));
  return made;
}

export async function shareToken(t: TestApp, p: Actor, productId: number): Promise<string> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/distribution/share-tokens',
    headers: p.headers,
    payload: { targetType: 'PRODUCT', targetId: productId },
  });
  if (res.statusCode !== 200) throw new Error(`share token: ${res.statusCode} ${res.body}`);
  return res.json<ShareTokenView>().token;
}

export async function visit(t: TestApp, who: Actor | null, token: string): Promise<RecordVisitResponse> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/distribution/visits',
    ...(who ? { headers: who.headers } : {}),
    payload: { token },
  });
  if (res.statusCode !== 200) throw new Error(`visit: ${res.statusCode} ${res.body}`);
  return res.json<RecordVisitResponse>();
}

export function setDistribution(
  t: TestApp,
  operator: Actor,
  productId: number,
  body: { enabled: boolean; rateBp?: number; secondRateBp?: number },
): ReturnType<TestApp['inject']> {
  return t.inject({
    method: 'PUT',
    url: `/api/admin/distribution/products/${productId}`,
    headers: operator.headers,
    payload: body,
  });
}

/** Asks for a refund of the given lines (they go REFUNDING); answers WeChat's out_refund_no. */
export async function requestRefund(t: TestApp, buyer: Actor, orderId: number, lineIds: number[]): Promise<string> {
  const before = new Set((await ds(t).getRepository(PaymentRefund).findBy({ orderId })).map((r) => r.id));
  const res = await t.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/refunds`,
    headers: buyer.headers,
    payload: { lineIds },
  });
  if (res.statusCode !== 200) throw new Error(`refund: ${res.statusCode} ${res.body}`);
  const refund = (await ds(t).getRepository(PaymentRefund).findBy({ orderId })).find((r) => !before.has(r.id));
  if (!refund) throw new Error('no refund row');
  return refund.outRefundNo;
}

/** WeChat confirms the refund (notification, delivered twice); the order.refunded event is delivered. */
export async function confirmRefund(t: TestApp, outRefundNo: string): Promise<void> {
  await simulatorOf(t).settleRefund(outRefundNo);
  await simulatorOf(t).redeliver(outRefundNo);
  await settleOutbox(t);
}

export async function refundLines(t: TestApp, buyer: Actor, orderId: number, lineIds: number[]): Promise<void> {
  await confirmRefund(t, await requestRefund(t, buyer, orderId, lineIds));
}
