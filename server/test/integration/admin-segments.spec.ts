import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type ApiErrorBody,
  type AuditEntryView,
  LIFECYCLE_STAGES,
  type Page,
  RELATIONSHIP_LEVELS,
  type SegmentCondition,
  type SegmentFactsRow,
  type SegmentMemberView,
  type SegmentRule,
  segmentMatches,
  type SegmentView,
  TIER_CODES,
} from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { MemberFactsReader } from '../../src/modules/member-facts';
import { MemberFactsRow } from '../../src/modules/member-facts/member-facts.entity';
import { settleOutbox } from '../support/outbox';
import { whereSegment } from '../../src/modules/segments';
import { createMember } from '../factories';
import { type Actor, staffLogin } from '../support/actors';
import { bootShop } from '../support/shop';
import type { TestApp } from '../support/test-app';

const NOW = new Date('2026-12-03T02:00:00Z');
const DAY = 86_400_000;
const clock = new TestClock(NOW);
let t: TestApp & { db: { drop(): Promise<void> } };
let operator: Actor;
let manager: Actor;
let ds: DataSource;
let managerStore: number;
let otherStore: number;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
  manager = await staffLogin(t, 'manager.sh001');
  ds = t.app.get<DataSource>(getDataSourceToken());
  const stores = await ds.query<{ id: number; code: string }[]>('SELECT id, code FROM stores ORDER BY id');
  managerStore = Number(stores.find((s) => s.code === 'SH001')!.id);
  otherStore = Number(stores.find((s) => s.code !== 'SH001')!.id);
});
afterAll(async () => {
  await t.close();
});

const call = (who: Actor, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

/** A deterministic PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function factsRow(memberId: number, over: Partial<SegmentFactsRow> = {}): MemberFactsRow {
  return {
    memberId,
    tierKey: 'NORMAL',
    stage: 'GROWTH',
    relationship: 'CUSTOMER',
    homeStoreId: null,
    spend365Fen: 0,
    orders365: 0,
    onlineOrders365: 0,
    dropOrders365: 0,
    tillOrders365: 0,
    lastPurchaseAt: null,
    firstPurchaseAt: null,
    birthMonth: null,
    promoterId: null,
    typicalGapDays: null,
    stageSince: NOW,
    relationshipSince: NOW,
    updatedAt: NOW,
    ...over,
  };
}

describe('segment SQL compilation against the in-memory evaluator', () => {
  const FIRST_ID = 900_000;
  const rows: SegmentFactsRow[] = [];

  beforeAll(async () => {
    const rand = prng(16);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    const maybe = <T>(value: T, pNull = 0.2): T | null => (rand() < pNull ? null : value);
    // Instants on and beside the day boundaries the days-ago conditions cut at, and some anywhere.
    const instant = (): Date | null => {
      const days = Math.floor(rand() * 60);
      const jitter = pick([0, 0, -1, 1, Math.floor(rand() * DAY)]);
      return maybe(new Date(NOW.getTime() - days * DAY + jitter));
    };
    for (let i = 0; i < 400; i++) {
      const last = instant();
      const online = pick([0, 0, 1, 3]);
      const drop = pick([0, 0, 2]);
      const till = pick([0, 1]);
      rows.push({
        memberId: FIRST_ID + i,
        tierKey: maybe(pick(TIER_CODES)),
        stage: pick(LIFECYCLE_STAGES),
        relationship: pick(RELATIONSHIP_LEVELS),
        homeStoreId: maybe(pick([1, 2, 3])),
        spend365Fen: pick([0, 9_999, 10_000, 10_001, 50_000, Math.floor(rand() * 200_000)]),
        orders365: online + drop + till,
        onlineOrders365: online,
        dropOrders365: drop,
        tillOrders365: till,
        lastPurchaseAt: last,
        firstPurchaseAt: last && maybe(new Date(last.getTime() - Math.floor(rand() * 30) * DAY), 0.1),
        birthMonth: maybe(1 + Math.floor(rand() * 12)),
        promoterId: maybe(pick([7, 8]), 0.6),
      });
    }
    await ds.getRepository(MemberFactsRow).insert(rows.map((r) => factsRow(r.memberId, r)));
  });

  function randomRule(rand: () => number, depth = 1): SegmentRule {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    const some = <T>(list: readonly T[]): T[] => {
      const chosen = list.filter(() => rand() < 0.4);
      return chosen.length ? chosen : [pick(list)];
    };
    const range = (values: number[]) => {
      const a = pick(values);
      const b = pick(values);
      const [min, max] = a <= b ? [a, b] : [b, a];
      return pick([
        { min, max },
        { min, max: null },
        { min: null, max },
      ]);
    };
    const condition = (): SegmentCondition => {
      const inOrNot = pick(['in', 'notIn'] as const);
      switch (
        pick(['tier', 'stage', 'rel', 'store', 'spend', 'orders', 'last', 'first', 'birth', 'channel', 'promoter'])
      ) {
        case 'tier':
          return { field: 'tier', op: inOrNot, value: some(TIER_CODES) };
        case 'stage':
          return { field: 'stage', op: inOrNot, value: some(LIFECYCLE_STAGES) };
        case 'rel':
          return { field: 'relationship', op: inOrNot, value: some(RELATIONSHIP_LEVELS) };
        case 'store':
          return { field: 'homeStore', op: inOrNot, value: some([1, 2, 3]) };
        case 'spend':
          return { field: 'spend365Fen', op: 'between', value: range([0, 9_999, 10_000, 50_000, 120_000]) };
        case 'orders':
          return { field: 'orders365', op: 'between', value: range([0, 1, 2, 3, 5]) };
        case 'last':
          return rand() < 0.15
            ? { field: 'lastPurchaseDaysAgo', op: 'never' }
            : { field: 'lastPurchaseDaysAgo', op: 'between', value: range([0, 1, 7, 30, 45]) };
        case 'first':
          return { field: 'firstPurchaseDaysAgo', op: 'between', value: range([0, 3, 30, 60]) };
        case 'birth':
          return { field: 'birthMonth', op: 'in', value: some([1, 2, 3, 6, 12]) };
        case 'channel':
          return { field: 'channel', op: inOrNot, value: some(['ONLINE', 'DROP', 'TILL'] as const) };
        default:
          return rand() < 0.5
            ? { field: 'promoter', op: pick(['any', 'none'] as const) }
            : { field: 'promoter', op: 'is', value: pick([7, 8]) };
      }
    };
    const size = Math.floor(rand() * 4);
    return {
      combine: pick(['and', 'or'] as const),
      conditions: Array.from({ length: size }, () =>
        depth < 3 && rand() < 0.3 ? randomRule(rand, depth + 1) : condition(),
      ),
    };
  }

  it('selects exactly the members the evaluator selects, for 150 random rules', async () => {
    const rand = prng(2026);
    const reader = t.app.get(MemberFactsReader);
    let nonTrivial = 0;
    for (let i = 0; i < 150; i++) {
      const rule = randomRule(rand);
      const expected = rows.filter((r) => segmentMatches(rule, r, NOW)).map((r) => r.memberId);
      const selected = await whereSegment(reader.audience(), rule, NOW)
        .andWhere('facts.memberId >= :first', { first: FIRST_ID })
        .orderBy('facts.memberId', 'ASC')
        .getMany();
      expect(
        selected.map((r) => r.memberId),
        JSON.stringify(rule),
      ).toEqual(expected);
      if (expected.length > 0 && expected.length < rows.length) nonTrivial += 1;
    }
    // The rules must split the rows, or the comparison proves little.
    expect(nonTrivial).toBeGreaterThan(60);
  });

  afterAll(async () => {
    await ds
      .createQueryBuilder()
      .delete()
      .from(MemberFactsRow)
      .where('memberId >= :first', { first: FIRST_ID })
      .execute();
  });
});

describe('segments in the console', () => {
  const RULE: SegmentRule = {
    combine: 'and',
    conditions: [
      { field: 'spend365Fen', op: 'between', value: { min: 10_000, max: null } },
      { field: 'lastPurchaseDaysAgo', op: 'between', value: { min: 0, max: 60 } },
    ],
  };
  let members: { id: number; phone: string }[] = [];

  beforeAll(async () => {
    // Four real members (for their phones); three satisfy RULE, two of those in the manager's store.
    const made = await Promise.all([0, 1, 2, 3].map(() => createMember(t)));
    const phones = await ds.query<{ id: number; phone: string }[]>(
      `SELECT id, phone FROM members WHERE id IN (${made.map((m) => m.id).join(',')})`,
    );
    members = made.map((m) => ({ id: m.id, phone: phones.find((p) => Number(p.id) === m.id)!.phone }));
    // The signups' own facts rows (written by the member-facts handler) and the demo shoppers' would join the
    // audience: let the handlers finish, then leave only the rows this scenario writes.
    await settleOutbox(t);
    await ds.query('DELETE FROM member_facts');
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    await ds.getRepository(MemberFactsRow).insert([
      factsRow(members[0].id, {
        spend365Fen: 30_000,
        orders365: 3,
        lastPurchaseAt: at(5),
        homeStoreId: managerStore,
        tierKey: 'GOLD',
        stage: 'MATURITY',
      }),
      factsRow(members[1].id, { spend365Fen: 30_000, orders365: 6, lastPurchaseAt: at(40), homeStoreId: otherStore }),
      factsRow(members[2].id, {
        spend365Fen: 12_000,
        orders365: 1,
        lastPurchaseAt: at(2),
        homeStoreId: managerStore,
      }),
      factsRow(members[3].id, {
        spend365Fen: 90_000,
        orders365: 9,
        lastPurchaseAt: at(61),
        homeStoreId: managerStore,
      }),
    ]);
  });

  it('counts an unsaved rule live, confined to the home store for a store manager', async () => {
    const count = await call(operator, 'POST', '/api/admin/segments/count', { rule: RULE });
    expect(count.statusCode, count.body).toBe(200);
    expect(count.json()).toEqual({ count: 3 });
    const scoped = await call(manager, 'POST', '/api/admin/segments/count', { rule: RULE });
    expect(scoped.json()).toEqual({ count: 2 });
  });

  it('refuses a bad rule with 400 SEGMENT_RULE_INVALID naming the field', async () => {
    const res = await call(operator, 'POST', '/api/admin/segments/count', {
      rule: { combine: 'and', conditions: [RULE.conditions[0], { field: 'shoeSize', op: 'in', value: [42] }] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ApiErrorBody>();
    expect(body.code).toBe('SEGMENT_RULE_INVALID');
    expect(body.message).toContain('shoeSize');
    expect(body.details).toEqual([{ field: 'rule.conditions[1].field', reason: '未知的条件字段：shoeSize' }]);

    const op = await call(operator, 'POST', '/api/admin/segments', {
      name: '坏条件',
      rule: {
        combine: 'or',
        conditions: [{ combine: 'and', conditions: [{ field: 'tier', op: 'between', value: {} }] }],
      },
    });
    expect(op.statusCode).toBe(400);
    expect(op.json<ApiErrorBody>().details?.map((d) => d.field)).toEqual(['rule.conditions[0].conditions[0].op']);

    const missing = await call(operator, 'POST', '/api/admin/segments', { name: '无条件' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ApiErrorBody>().details?.map((d) => d.field)).toContain('rule');
  });

  it('saves, lists, edits, previews and deletes a segment, each write audited', async () => {
    const created = await call(operator, 'POST', '/api/admin/segments', {
      name: '高价值活跃客',
      description: '近60天购买',
      rule: RULE,
    });
    expect(created.statusCode, created.body).toBe(201);
    const segment = created.json<SegmentView>();
    expect(segment).toMatchObject({ name: '高价值活跃客', description: '近60天购买', rule: RULE });

    const list = (await call(operator, 'GET', '/api/admin/segments?name=高价值')).json<Page<SegmentView>>();
    expect(list.items.map((s) => s.id)).toEqual([segment.id]);

    // Highest spend first, then most orders: members 1 (30 000, 6 orders), 0 (30 000, 3), 2 (12 000).
    const preview = (await call(operator, 'GET', `/api/admin/segments/${segment.id}/members?pageSize=2`)).json<
      Page<SegmentMemberView>
    >();
    expect(preview.total).toBe(3);
    expect(preview.hasMore).toBe(true);
    expect(preview.items.map((m) => m.memberId)).toEqual([members[1].id, members[0].id]);
    const phone = members[1].phone;
    expect(preview.items[0]).toMatchObject({
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      spend365Fen: 30_000,
      orders365: 6,
      lastPurchaseAt: new Date(NOW.getTime() - 40 * DAY).toISOString(),
    });
    expect(preview.items[1]).toMatchObject({ tier: 'GOLD', stage: 'MATURITY' });
    const page2 = (await call(operator, 'GET', `/api/admin/segments/${segment.id}/members?pageSize=2&page=2`)).json<
      Page<SegmentMemberView>
    >();
    expect(page2.items.map((m) => m.memberId)).toEqual([members[2].id]);

    const scoped = (await call(manager, 'GET', `/api/admin/segments/${segment.id}/members`)).json<
      Page<SegmentMemberView>
    >();
    expect(scoped.items.map((m) => m.memberId)).toEqual([members[0].id, members[2].id]);

    const widened: SegmentRule = { ...RULE, conditions: [RULE.conditions[0]] };
    const edited = await call(operator, 'PUT', `/api/admin/segments/${segment.id}`, {
      name: '高价值客',
      rule: widened,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      (await call(operator, 'GET', `/api/admin/segments/${segment.id}/members`)).json<Page<SegmentMemberView>>().total,
    ).toBe(4);

    expect(
      (await call(manager, 'PUT', `/api/admin/segments/${segment.id}`, { name: 'x', rule: RULE })).statusCode,
    ).toBe(403);
    expect((await call(manager, 'DELETE', `/api/admin/segments/${segment.id}`)).statusCode).toBe(403);
    expect((await call(operator, 'DELETE', `/api/admin/segments/${segment.id}`)).statusCode).toBe(204);
    expect((await call(operator, 'GET', `/api/admin/segments/${segment.id}`)).json<ApiErrorBody>().code).toBe(
      'SEGMENT_NOT_FOUND',
    );

    const audit = (await call(operator, 'GET', `/api/admin/audit?objectType=segment&objectId=${segment.id}`)).json<
      Page<AuditEntryView>
    >();
    expect(audit.items.map((e) => e.action)).toEqual(['segment.delete', 'segment.update', 'segment.create']);
    expect(audit.items[1]).toMatchObject({ before: { rule: RULE }, after: { name: '高价值客', rule: widened } });
  });
});
