import { getDataSourceToken } from '@nestjs/typeorm';
import {
  DEFAULT_GROWTH_RULES,
  lifecycleStage,
  type LifecycleOverviewView,
  type MemberFactsView,
  relationshipLevel,
} from '@tidepool/shared';
import { type DataSource, IsNull } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Transactions } from '../../src/common/database/transactions';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { MemberFactsRow } from '../../src/modules/member-facts/member-facts.entity';
import { MemberFactsRecomputeJob } from '../../src/modules/member-facts/member-facts-recompute.job';
import { MemberStageChange } from '../../src/modules/member-facts/member-stage-change.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxHandled } from '../../src/modules/outbox/outbox-handled.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { TillTransaction } from '../../src/modules/pos/till-transaction.entity';
import { createMember, createStore } from '../factories';
import type { Actor } from '../support/actors';
import { staffLogin } from '../support/actors';
import { settleOutbox } from '../support/outbox';
import { bootShop } from '../support/shop';
import type { TestApp } from '../support/test-app';

const DAY = 86_400_000;
const clock = new TestClock(new Date('2025-06-03T02:00:00Z'));
let t: TestApp;
let operator: Actor;
let serial = 0;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
});
afterAll(() => t.close());

const ds = () => t.app.get<DataSource>(getDataSourceToken());

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What the test itself wrote: the raw purchases, from which it recomputes every member's facts on its own. */
interface RawPurchase {
  kind: 'ONLINE' | 'DROP' | 'TILL';
  id: number;
  memberId: number;
  at: number;
  payableFen: number;
  refundedFen: number;
  tillRefunded: boolean;
  storeId: number | null;
}

interface Expected {
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  orders365: number;
  spend365Fen: number;
  onlineOrders365: number;
  dropOrders365: number;
  tillOrders365: number;
  typicalGapDays: number | null;
  homeStoreId: number | null;
  birthMonth: number | null;
}

function expectedFacts(raw: RawPurchase[], memberId: number, now: number, birthMonth: number | null): Expected {
  const bought = raw.filter(
    (p) =>
      p.memberId === memberId &&
      p.at <= now &&
      (p.kind === 'TILL' ? !p.tillRefunded : p.payableFen - p.refundedFen > 0),
  );
  const recent = bought.filter((p) => p.at >= now - 365 * DAY);
  const times = bought.map((p) => p.at).sort((a, b) => a - b);
  const gaps = times
    .slice(1)
    .map((at, i) => (at - times[i]) / DAY)
    .sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const stores = new Map<number, { n: number; last: number }>();
  for (const p of bought) {
    if (p.storeId === null) continue;
    const s = stores.get(p.storeId) ?? { n: 0, last: 0 };
    stores.set(p.storeId, { n: s.n + 1, last: Math.max(s.last, p.at) });
  }
  const home = [...stores.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last || a[0] - b[0])[0];
  return {
    firstPurchaseAt: times.length ? times[0] : null,
    lastPurchaseAt: times.length ? times[times.length - 1] : null,
    orders365: recent.length,
    spend365Fen: recent.reduce((sum, p) => sum + p.payableFen - p.refundedFen, 0),
    onlineOrders365: recent.filter((p) => p.kind === 'ONLINE').length,
    dropOrders365: recent.filter((p) => p.kind === 'DROP').length,
    tillOrders365: recent.filter((p) => p.kind === 'TILL').length,
    typicalGapDays: gaps.length === 0 ? null : gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2,
    homeStoreId: home ? home[0] : null,
    birthMonth,
  };
}

function storedAsExpected(row: MemberFactsRow): Expected {
  return {
    firstPurchaseAt: row.firstPurchaseAt?.getTime() ?? null,
    lastPurchaseAt: row.lastPurchaseAt?.getTime() ?? null,
    orders365: row.orders365,
    spend365Fen: row.spend365Fen,
    onlineOrders365: row.onlineOrders365,
    dropOrders365: row.dropOrders365,
    tillOrders365: row.tillOrders365,
    typicalGapDays: row.typicalGapDays === null ? null : Math.round(row.typicalGapDays * 1e6) / 1e6,
    homeStoreId: row.homeStoreId,
    birthMonth: row.birthMonth,
  };
}

const rounded = (e: Expected): Expected => ({
  ...e,
  typicalGapDays: e.typicalGapDays === null ? null : Math.round(e.typicalGapDays * 1e6) / 1e6,
});

async function publish(write: (manager: import('typeorm').EntityManager) => Promise<void>): Promise<void> {
  await t.app.get(Transactions).run(write);
  await settleOutbox(t);
}

function stageEvents(memberId: number): Promise<number> {
  return ds()
    .getRepository(OutboxEvent)
    .find({ where: { topic: 'member.stage-entered' } })
    .then((rows) => rows.filter((row) => (row.payload as { memberId: number }).memberId === memberId).length);
}

describe('member facts', () => {
  const raw: RawPurchase[] = [];
  const members: { id: number; birthMonth: number | null }[] = [];
  /** The stage sequence each member should have in its history, as the test judged it at each evaluation. */
  const expectedStages = new Map<number, string[]>();
  const expectedLevels = new Map<number, string[]>();
  let stores: number[] = [];

  function judge(memberId: number, now: number): void {
    const member = members.find((m) => m.id === memberId)!;
    const e = expectedFacts(raw, memberId, now, member.birthMonth);
    const facts = {
      firstPurchaseAt: e.firstPurchaseAt === null ? null : new Date(e.firstPurchaseAt),
      lastPurchaseAt: e.lastPurchaseAt === null ? null : new Date(e.lastPurchaseAt),
      orders365: e.orders365,
      spend365Fen: e.spend365Fen,
      typicalGapDays: e.typicalGapDays,
      signedUp: true,
      isPromoter: false,
      promoterCustomersWhoBought: 0,
    };
    for (const [map, value] of [
      [expectedStages, lifecycleStage(facts, new Date(now), DEFAULT_GROWTH_RULES)],
      [expectedLevels, relationshipLevel(facts, DEFAULT_GROWTH_RULES)],
    ] as const) {
      const list = map.get(memberId) ?? [];
      if (list[list.length - 1] !== value) list.push(value);
      map.set(memberId, list);
    }
  }

  async function assertRow(memberId: number): Promise<void> {
    const member = members.find((m) => m.id === memberId)!;
    const row = await ds().getRepository(MemberFactsRow).findOneByOrFail({ memberId });
    const now = clock.now().getTime();
    expect(storedAsExpected(row), `member ${memberId}`).toEqual(
      rounded(expectedFacts(raw, memberId, now, member.birthMonth)),
    );
    expect(row.tierKey).toBe(await t.app.get(LoyaltyService).tierOf(memberId));
    const stages = expectedStages.get(memberId)!;
    const levels = expectedLevels.get(memberId)!;
    expect(row.stage).toBe(stages[stages.length - 1]);
    expect(row.relationship).toBe(levels[levels.length - 1]);
    const history = await ds()
      .getRepository(MemberStageChange)
      .find({ where: { memberId }, order: { id: 'ASC' } });
    expect(history.filter((h) => h.kind === 'LIFECYCLE').map((h) => h.toValue)).toEqual(stages);
    expect(history.filter((h) => h.kind === 'RELATIONSHIP').map((h) => h.toValue)).toEqual(levels);
    expect(await stageEvents(memberId)).toBe(history.length);
  }

  it('the demo seed leaves members in every lifecycle stage and every level a member can reach', async () => {
    const rows = await ds().getRepository(MemberFactsRow).find();
    expect(new Set(rows.map((r) => r.stage))).toEqual(
      new Set(['INTRODUCTION', 'GROWTH', 'MATURITY', 'DECLINE', 'CHURNED']),
    );
    // PROSPECT is a visitor who never signed up, so has no facts row.
    expect(new Set(rows.map((r) => r.relationship))).toEqual(new Set(['FAN', 'CUSTOMER', 'REGULAR', 'AMBASSADOR']));
  });

  it('creates a row at signup, in the first stage and level', async () => {
    stores = [(await createStore(t)).id, (await createStore(t)).id];
    for (let i = 0; i < 5; i++) {
      const birthday = i % 2 === 0 ? `0${(i % 9) + 1}-15` : undefined;
      const member = await createMember(t, birthday ? { birthday } : {});
      await settleOutbox(t);
      members.push({ id: member.id, birthMonth: birthday ? Number(birthday.slice(0, 2)) : null });
      judge(member.id, clock.now().getTime());
      await assertRow(member.id);
    }
    const first = await ds().getRepository(MemberFactsRow).findOneByOrFail({ memberId: members[0].id });
    expect([first.stage, first.relationship]).toEqual(['INTRODUCTION', 'FAN']);
  });

  it('after a random sequence of purchases, refunds and clock advances, every row equals a recomputation', async () => {
    const random = prng(20261203);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    for (let step = 0; step < 70; step++) {
      const roll = random();
      const member = pick(members);
      const now = clock.now();
      if (roll < 0.12) {
        clock.advance(Math.floor(random() * 90 * DAY));
        continue;
      }
      if (roll < 0.45) {
        const drop = random() < 0.3;
        const pickup = random() < 0.5 ? pick(stores) : null;
        const payableFen = 500 + Math.floor(random() * 20_000);
        serial++;
        const inserted = await ds()
          .getRepository(Order)
          .insert({
            orderNo: `MF${Date.now()}${serial}`.slice(0, 32),
            memberId: member.id,
            clientKey: `${member.id}:mf-${serial}-${Date.now()}`,
            state: 'PAID',
            subtotalFen: payableFen,
            totalDiscountFen: 0,
            payableFen,
            discounts: [],
            ruleVersions: {},
            couponIds: [],
            fulfilment: pickup === null ? 'SHIP' : 'PICKUP',
            address: null,
            pickupStoreId: pickup,
            createdAt: now,
            reservationExpiresAt: new Date(now.getTime() + 15 * 60_000),
            paidAt: now,
            transactionId: `mf-tx-${serial}-${Date.now()}`,
            dropId: drop ? 1 + Math.floor(random() * 3) : null,
          });
        const id = inserted.identifiers[0].id as number;
        raw.push({
          kind: drop ? 'DROP' : 'ONLINE',
          id,
          memberId: member.id,
          at: now.getTime(),
          payableFen,
          refundedFen: 0,
          tillRefunded: false,
          storeId: pickup,
        });
        await publish((m) =>
          t.app.get(OutboxService).publish(m, 'order.paid', `order.paid:${id}`, { orderId: id, memberId: member.id }),
        );
      } else if (roll < 0.65) {
        const open = raw.filter((p) => p.kind !== 'TILL' && p.payableFen > p.refundedFen);
        if (open.length === 0) continue;
        const order = pick(open);
        const whole = random() < 0.5;
        const amountFen = whole
          ? order.payableFen - order.refundedFen
          : 1 + Math.floor(random() * (order.payableFen - order.refundedFen));
        serial++;
        const refund = await ds()
          .getRepository(PaymentRefund)
          .insert({
            orderId: order.id,
            outRefundNo: `MFR${serial}${Date.now()}`.slice(0, 64),
            kind: 'LINES',
            transactionId: `mf-tx-${order.id}`,
            amountFen,
            totalFen: order.payableFen,
            lineIds: [],
            lines: null,
            status: 'SUCCESS',
            createdAt: now,
            settledAt: now,
          });
        order.refundedFen += amountFen;
        const refundId = refund.identifiers[0].id as number;
        await publish((m) =>
          t.app
            .get(OutboxService)
            .publish(m, 'order.refunded', `order.refunded:${refundId}`, { orderId: order.id, refundId, amountFen }),
        );
        judge(order.memberId, now.getTime());
        await assertRow(order.memberId);
        continue;
      } else if (roll < 0.88) {
        const storeId = pick(stores);
        const payableFen = 300 + Math.floor(random() * 9_000);
        serial++;
        const inserted = await ds()
          .getRepository(TillTransaction)
          .insert({
            clientId: `mf-till-${serial}-${Date.now()}`,
            storeId,
            staffId: 1,
            scanId: 1,
            memberId: member.id,
            subtotalFen: payableFen,
            payableFen,
            paymentMethod: 'CASH',
            discounts: [],
            couponIds: [],
            items: [],
            ruleVersions: {},
            pointsAwarded: 0,
            growthAwarded: 0,
            status: 'COMPLETED',
            createdAt: now,
          });
        const saleId = inserted.identifiers[0].id as number;
        raw.push({
          kind: 'TILL',
          id: saleId,
          memberId: member.id,
          at: now.getTime(),
          payableFen,
          refundedFen: 0,
          tillRefunded: false,
          storeId,
        });
        await publish((m) =>
          t.app.get(OutboxService).publish(m, 'till.sale.recorded', `till.sale.recorded:${saleId}`, {
            saleId,
            memberId: member.id,
            storeId,
            payableFen,
          }),
        );
      } else {
        const open = raw.filter((p) => p.kind === 'TILL' && !p.tillRefunded);
        if (open.length === 0) continue;
        const sale = pick(open);
        await ds()
          .getRepository(TillTransaction)
          .update({ id: sale.id }, { status: 'REFUNDED', refundedAt: now, refundedByStaffId: 1 });
        sale.tillRefunded = true;
        await publish((m) =>
          t.app.get(OutboxService).publish(m, 'till.sale.refunded', `till.sale.refunded:${sale.id}`, {
            saleId: sale.id,
            memberId: sale.memberId,
            storeId: sale.storeId ?? 0,
          }),
        );
        judge(sale.memberId, now.getTime());
        await assertRow(sale.memberId);
        continue;
      }
      judge(member.id, now.getTime());
      await assertRow(member.id);
    }
    expect(raw.filter((p) => p.kind === 'DROP').length).toBeGreaterThan(0);
    expect(raw.filter((p) => p.kind === 'TILL' && p.tillRefunded).length).toBeGreaterThan(0);
    expect(raw.filter((p) => p.kind !== 'TILL' && p.refundedFen > 0).length).toBeGreaterThan(0);
  });

  it('redelivering an event changes nothing', async () => {
    const event = await ds()
      .getRepository(OutboxEvent)
      .findOneOrFail({ where: { topic: 'order.paid' }, order: { id: 'DESC' } });
    const memberId = (event.payload as { memberId: number }).memberId;
    const before = await ds().getRepository(MemberFactsRow).findOneByOrFail({ memberId });
    const historyBefore = await ds().getRepository(MemberStageChange).countBy({ memberId });
    // As if the handler's commit had been lost: its row gone and the event pending again.
    await ds().getRepository(OutboxHandled).delete({ eventId: event.id, handler: 'member-facts.on-order-paid' });
    await ds().getRepository(OutboxEvent).update({ id: event.id }, { processedAt: null });
    await settleOutbox(t);
    expect(await ds().getRepository(OutboxHandled).countBy({ eventId: event.id })).toBeGreaterThan(0);
    expect(await ds().getRepository(MemberFactsRow).findOneByOrFail({ memberId })).toEqual(before);
    expect(await ds().getRepository(MemberStageChange).countBy({ memberId })).toBe(historyBefore);
    expect(await ds().getRepository(OutboxEvent).countBy({ processedAt: IsNull() })).toBe(0);
  });

  it('the nightly recompute moves stages as time passes, then repairs a tampered row and counts it', async () => {
    const job = t.app.get(MemberFactsRecomputeJob);
    clock.advance(45 * DAY);
    const first = await job.run(clock.now(), 2);
    for (const member of members) judge(member.id, clock.now().getTime());
    for (const member of members) await assertRow(member.id);
    expect(first.checked).toBeGreaterThanOrEqual(members.length);

    const quiet = await job.run(clock.now(), 2);
    expect({ repaired: quiet.repaired, stageChanges: quiet.stageChanges }).toEqual({ repaired: 0, stageChanges: 0 });

    const victim = members[1].id;
    await ds()
      .getRepository(MemberFactsRow)
      .update({ memberId: victim }, { spend365Fen: () => 'spend365Fen + 1', homeStoreId: 999_999 });
    const repair = await job.run(clock.now(), 2);
    expect({ repaired: repair.repaired, stageChanges: repair.stageChanges }).toEqual({ repaired: 1, stageChanges: 0 });
    await assertRow(victim);

    clock.advance(400 * DAY);
    await job.run(clock.now(), 3);
    for (const member of members) judge(member.id, clock.now().getTime());
    for (const member of members) await assertRow(member.id);
    const churned = await ds().getRepository(MemberFactsRow).findOneByOrFail({ memberId: members[0].id });
    expect(['INTRODUCTION', 'CHURNED']).toContain(churned.stage);
  });

  it('serves the lifecycle overview and one member’s facts to the console', async () => {
    // The clock moved a year past the tokens made at boot.
    operator = await staffLogin(t, 'operator');
    const res = await t.inject({ method: 'GET', url: '/api/admin/growth/lifecycle', headers: operator.headers });
    expect(res.statusCode).toBe(200);
    const view = res.json<LifecycleOverviewView>();
    expect(view.stages.map((s) => s.key)).toEqual(['INTRODUCTION', 'GROWTH', 'MATURITY', 'DECLINE', 'CHURNED']);
    expect(view.stages.reduce((sum, s) => sum + s.members, 0)).toBe(view.members);
    const stored = await ds().getRepository(MemberFactsRow).count();
    expect(view.members).toBe(stored);
    const since30 = clock.now().getTime() - 30 * DAY;
    const changes = (await ds().getRepository(MemberStageChange).find()).filter(
      (c) => c.enteredAt.getTime() >= since30,
    );
    expect(view.flows30d.reduce((sum, f) => sum + f.changes, 0)).toBe(changes.length);

    const manager = await staffLogin(t, 'manager.sh001');
    const scoped = await t.inject({ method: 'GET', url: '/api/admin/growth/lifecycle', headers: manager.headers });
    expect(scoped.statusCode).toBe(200);
    const storeOne = await ds().getRepository(MemberFactsRow).countBy({ homeStoreId: 1 });
    expect(scoped.json<LifecycleOverviewView>().members).toBe(storeOne);

    const member = members[2].id;
    const facts = await t.inject({
      method: 'GET',
      url: `/api/admin/members/${member}/facts`,
      headers: operator.headers,
    });
    expect(facts.statusCode).toBe(200);
    const body = facts.json<MemberFactsView>();
    expect(body.stage).toBe(expectedStages.get(member)!.at(-1));
    expect(body.history.filter((h) => h.kind === 'LIFECYCLE').map((h) => h.to)).toEqual(
      [...expectedStages.get(member)!].reverse(),
    );
    const forbidden = await t.inject({
      method: 'GET',
      url: `/api/admin/members/${member}/facts`,
      headers: manager.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    const missing = await t.inject({
      method: 'GET',
      url: '/api/admin/members/99999999/facts',
      headers: operator.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});
