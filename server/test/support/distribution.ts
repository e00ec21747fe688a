import { getDataSourceToken } from '@nestjs/typeorm';
import type {
  CheckoutQuoteResponse,
  OrderView,
  PromoterMeView,
  RecordVisitResponse,
  ShareTokenView,
} from '@tidepool/shared';
import { type DataSource, IsNull } from 'typeorm';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { type Actor, signedUpMember } from './actors';
import type { TestApp } from './test-app';
import { simulatorOf } from './wechatpay';

/** Helpers for distribution tests: promoters, shares and visits, orders paid / completed / refunded. */
export const ds = (t: TestApp) => t.app.get<DataSource>(getDataSourceToken());

let phoneSeq = 0;
export function nextPhone(): string {
  phoneSeq++;
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

export async function member(t: TestApp, name: string): Promise<Actor & { id: number }> {
  const actor = await signedUpMember(t, name, nextPhone());
  const id = (await t.inject({ method: 'GET', url: '/api/me', headers: actor.headers })).json<{ id: number }>().id;
  return { ...actor, id };
}

/** A signed-up member who applied (optionally with an invite token) and was approved by the operator. */
export async function promoter(
  t: TestApp,
  operator: Actor,
  name: string,
  inviteToken?: string,
): Promise<Actor & { id: number; promoterId: number; inviteToken: string }> {
  const m = await member(t, name);
  const applied = await t.inject({
    method: 'POST',
    url: '/api/distribution/apply',
    headers: m.headers,
    payload: { nickname: name, ...(inviteToken ? { inviteToken } : {}) },
  });
  if (applied.statusCode !== 200) throw new Error(`apply ${name}: ${applied.statusCode} ${applied.body}`);
  const me = applied.json<PromoterMeView>();
  if (me.status !== 'APPROVED') {
    const res = await t.inject({
      method: 'POST',
      url: `/api/admin/distribution/promoters/${me.promoterId}/approve`,
      headers: operator.headers,
    });
    if (res.statusCode !== 200) throw new Error(`approve ${name}: ${res.statusCode} ${res.body}`);
  }
  const after = (
    await t.inject({ method: 'GET', url: '/api/distribution/me', headers: m.headers })
  ).json<PromoterMeView>();
  return { ...m, promoterId: after.promoterId!, inviteToken: after.inviteToken! };
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

/** The first `n` SKUs (ordered by id), each set to the given price and plenty of stock. */
export async function skus(t: TestApp, prices: number[]): Promise<Sku[]> {
  const repo = ds(t).getRepository(Sku);
  const all = await repo.find({ order: { id: 'ASC' } });
  const picked: Sku[] = [];
  const seen = new Set<number>();
  for (const sku of all) {
    if (picked.length === prices.length) break;
    if (seen.has(sku.productId)) continue; // one SKU per product, so lines have distinct products
    seen.add(sku.productId);
    const priceFen = prices[picked.length];
    await repo.update({ id: sku.id }, { priceFen, stock: 10_000 });
    picked.push({ ...sku, priceFen });
  }
  return picked;
}

let orderSeq = 0;

/** Places and pays (through the WeChat Pay simulator) an order of the given SKUs, one unit each. */
export async function paidOrder(t: TestApp, buyer: Actor, skuIds: number[]): Promise<OrderView> {
  const lines = skuIds.map((skuId) => ({ skuId, quantity: 1 }));
  const q = await t.inject({
    method: 'POST',
    url: '/api/orders/quote',
    headers: buyer.headers,
    payload: { lines, couponIds: [] },
  });
  if (q.statusCode !== 200) throw new Error(`quote: ${q.statusCode} ${q.body}`);
  const created = await t.inject({
    method: 'POST',
    url: '/api/orders',
    headers: buyer.headers,
    payload: {
      clientOrderId: `dist-order-${process.pid}-${++orderSeq}`,
      lines,
      couponIds: [],
      expectedPayableFen: q.json<CheckoutQuoteResponse>().payableFen,
      fulfilment: 'PICKUP',
      pickupStoreId: 1,
    },
  });
  if (created.statusCode !== 200 && created.statusCode !== 201)
    throw new Error(`order: ${created.statusCode} ${created.body}`);
  const order = created.json<OrderView>();
  const pay = await t.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: buyer.headers });
  if (pay.statusCode !== 200) throw new Error(`pay: ${pay.statusCode} ${pay.body}`);
  const prepayId = pay.json<{ paymentParams: { package: string } }>().paymentParams.package.replace('prepay_id=', '');
  await simulatorOf(t).pay(prepayId);
  await settleOutbox(t);
  return (await t.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers: buyer.headers })).json<OrderView>();
}

export async function completeOrder(t: TestApp, operator: Actor, buyer: Actor, orderId: number): Promise<void> {
  const f = await t.inject({ method: 'POST', url: `/api/admin/orders/${orderId}/fulfil`, headers: operator.headers });
  if (f.statusCode !== 200) throw new Error(`fulfil: ${f.statusCode} ${f.body}`);
  const c = await t.inject({ method: 'POST', url: `/api/orders/${orderId}/confirm-receipt`, headers: buyer.headers });
  if (c.statusCode !== 200) throw new Error(`confirm: ${c.statusCode} ${c.body}`);
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

export async function settleOutbox(t: TestApp): Promise<void> {
  const events = ds(t).getRepository(OutboxEvent);
  for (let i = 0; i < 100; i++) {
    await t.app.get(OutboxService).dispatch();
    if ((await events.countBy({ processedAt: IsNull() })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('outbox did not settle');
}
