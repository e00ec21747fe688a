import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type AdminMessageSendsResponse,
  DEFAULT_MESSAGE_RULES,
  type MessageConsentsResponse,
  type MessageTemplateKey,
} from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Transactions } from '../../src/common/database/transactions';
import { MessageConsentEntry } from '../../src/modules/messages/message-consent-entry.entity';
import { MessageConsent } from '../../src/modules/messages/message-consent.entity';
import { MessageSend } from '../../src/modules/messages/message-send.entity';
import { MessageSender } from '../../src/modules/messages/message-sender.service';
import { MessagesService } from '../../src/modules/messages/messages.service';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { unique } from '../factories';
import { type Actor, staffLogin } from '../support/actors';
import { FakeWechat } from '../support/fake-wechat';
import { settleOutbox } from '../support/outbox';
import { createTestApp, type TestApp } from '../support/test-app';
import { httpWechat } from '../support/wechat-http';

/** Shanghai wall time → UTC instant (UTC+8, no daylight saving). */
const sh = (iso: string) => new Date(`${iso}+08:00`);
const NOON = sh('2026-12-02T12:00:00');
const DAY = 86_400_000;

const clock = new TestClock(NOON);
let fake: FakeWechat;
let t: TestApp;
let DROP: string;
let SHIPPED: string;

interface Member extends Actor {
  id: number;
  openid: string;
}

beforeAll(async () => {
  fake = await new FakeWechat().start();
  t = await createTestApp(httpWechat(fake), undefined, { clock });
  DROP = t.config.subscribeTemplates.dropReminder;
  SHIPPED = t.config.subscribeTemplates.orderShipped;
  fake.addSubscribeTemplate(DROP, ['thing1', 'time2', 'thing3']);
  fake.addSubscribeTemplate(SHIPPED, ['character_string1', 'thing2']);
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const db = () => t.app.get<DataSource>(getDataSourceToken());
const sends = () => db().getRepository(MessageSend);

async function member(): Promise<Member> {
  const openid = unique('o-msg');
  const code = unique('code');
  fake.addLoginCode(code, { openid, session_key: 'c2Vzc2lvbi1rZXktZm9yLXRlc3Q=' });
  const login = await t.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code } });
  expect(login.statusCode).toBe(200);
  const token = login.json<{ accessToken: string }>().accessToken;
  const headers = { authorization: `Bearer ${token}` };
  const id = (await t.inject({ method: 'GET', url: '/api/me', headers })).json<{ id: number }>().id;
  return { token, headers, id, openid };
}

/** The member tapped 允许 for these templates: recorded by us and by (fake) WeChat alike. */
async function accept(m: Member, accepted: string[], rejected: string[] = []) {
  for (const templateId of accepted) fake.grantSubscribe(m.openid, templateId);
  const res = await t.inject({
    method: 'POST',
    url: '/api/me/message-consents',
    headers: m.headers,
    payload: { accepted, rejected, sourcePage: 'packages/drop/pages/detail/index' },
  });
  expect(res.statusCode).toBe(200);
  return res.json<MessageConsentsResponse>();
}

async function consents(m: Member): Promise<MessageConsentsResponse> {
  const res = await t.inject({ method: 'GET', url: '/api/me/message-consents', headers: m.headers });
  expect(res.statusCode).toBe(200);
  return res.json<MessageConsentsResponse>();
}

const unspent = async (m: Member, templateId = DROP) =>
  (await consents(m)).items.find((c) => c.templateId === templateId)?.unspent ?? 0;

const dropData = { thing1: '周三新品：手冲咖啡豆', time2: '2026-12-02 20:00', thing3: '会员提前 10 分钟购买' };

const shippedData = { character_string1: 'TP20261202001', thing2: '顺丰速运' };

async function request(m: Member, dedupeKey: string, templateKey: MessageTemplateKey = 'dropReminder') {
  await t.app.get(Transactions).run((manager) =>
    t.app.get(MessagesService).request(manager, {
      memberId: m.id,
      templateKey,
      data: templateKey === 'orderShipped' ? shippedData : dropData,
      page: 'packages/drop/pages/detail/index?id=7',
      dedupeKey,
    }),
  );
}

const sendOf = (dedupeKey: string) => sends().findOneByOrFail({ dedupeKey });
const sentTo = (m: Member) => fake.subscribeMessages.filter((b) => b.touser === m.openid);

/** The balance row equals its ledger: grants − spends − withdrawals + restores. */
async function expectBalanceMatchesLedger(m: Member, templateId = DROP) {
  const entries = await db().getRepository(MessageConsentEntry).findBy({ memberId: m.id, templateId });
  const sign = { GRANT: 1, REJECT: 0, SPEND: -1, WITHDRAW: -1, RESTORE: 1 } as const;
  const derived = entries.reduce((sum, e) => sum + sign[e.kind] * e.quantity, 0);
  const row = await db().getRepository(MessageConsent).findOneBy({ memberId: m.id, templateId });
  expect(row?.unspent ?? 0).toBe(derived);
  return entries;
}

describe('messages: consent ledger and rate-limited sender', () => {
  it('records consents per template with their Chinese name, and refuses an unknown template naming the field', async () => {
    const m = await member();
    expect((await consents(m)).items).toEqual([]);
    await accept(m, [DROP], [SHIPPED]);
    const answer = await accept(m, [DROP]);
    expect(answer.items).toEqual([
      {
        templateKey: 'dropReminder',
        templateId: DROP,
        templateName: '团购开抢提醒',
        unspent: 2,
        lastGrantedAt: NOON.toISOString(),
      },
    ]);
    const entries = await expectBalanceMatchesLedger(m);
    expect(entries.map((e) => [e.kind, e.quantity, e.sourcePage])).toEqual([
      ['GRANT', 1, 'packages/drop/pages/detail/index'],
      ['GRANT', 1, 'packages/drop/pages/detail/index'],
    ]);
    const rejected = await db().getRepository(MessageConsentEntry).findBy({ memberId: m.id, templateId: SHIPPED });
    expect(rejected.map((e) => [e.kind, e.quantity])).toEqual([['REJECT', 0]]);

    const bad = await t.inject({
      method: 'POST',
      url: '/api/me/message-consents',
      headers: m.headers,
      payload: { accepted: ['not-our-template'], sourcePage: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'accepted' }] });
    const anonymous = await t.inject({ method: 'GET', url: '/api/me/message-consents' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('sends with a consent: spends exactly one and records WeChat’s msgid', async () => {
    const m = await member();
    await accept(m, [DROP]);
    const key = unique('drop-reminder');
    await request(m, key);
    await settleOutbox(t);
    const send = await sendOf(key);
    expect(send).toMatchObject({ status: 'SENT', errcode: 0, memberId: m.id, templateId: DROP });
    expect(send.msgid).toMatch(/^\d+$/);
    expect(send.sentAt).toEqual(NOON);
    expect(sentTo(m)).toEqual([
      expect.objectContaining({
        template_id: DROP,
        page: 'packages/drop/pages/detail/index?id=7',
        data: {
          thing1: { value: dropData.thing1 },
          time2: { value: dropData.time2 },
          thing3: { value: dropData.thing3 },
        },
      }),
    ]);
    expect(String(1000 + fake.subscribeMessages.indexOf(sentTo(m)[0]) + 1)).toBe(send.msgid);
    expect(await unspent(m)).toBe(0);
    const entries = await expectBalanceMatchesLedger(m);
    expect(entries.at(-1)).toMatchObject({ kind: 'SPEND', quantity: 1, sendId: send.id });
  });

  it('skips without a consent and never calls WeChat', async () => {
    const m = await member();
    const before = fake.calls.subscribesend;
    const key = unique('no-consent');
    await request(m, key);
    await settleOutbox(t);
    expect(await sendOf(key)).toMatchObject({ status: 'SKIPPED', skipReason: 'NO_CONSENT', msgid: null });
    expect(fake.calls.subscribesend).toBe(before);
  });

  it('withdraws the unspent consents (ledgered, idempotent); later requests are skipped', async () => {
    const m = await member();
    await accept(m, [DROP]);
    await accept(m, [DROP]);
    const withdraw = () =>
      t.inject({
        method: 'POST',
        url: '/api/me/message-consents/withdraw',
        headers: m.headers,
        payload: { templateId: DROP },
      });
    const res = await withdraw();
    expect(res.statusCode).toBe(200);
    expect(res.json<MessageConsentsResponse>().items[0]).toMatchObject({ templateId: DROP, unspent: 0 });
    expect((await withdraw()).statusCode).toBe(200);
    const entries = await expectBalanceMatchesLedger(m);
    expect(entries.filter((e) => e.kind === 'WITHDRAW').map((e) => e.quantity)).toEqual([2]);
    const key = unique('after-withdraw');
    await request(m, key);
    await settleOutbox(t);
    expect(await sendOf(key)).toMatchObject({ status: 'SKIPPED', skipReason: 'NO_CONSENT' });
    expect(sentTo(m)).toEqual([]);
    const unknown = await t.inject({
      method: 'POST',
      url: '/api/me/message-consents/withdraw',
      headers: m.headers,
      payload: { templateId: 'nope' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ details: [{ field: 'templateId' }] });
  });

  it('keeps to the weekly cap (2 in 7 days) and sends again once the window has moved on', async () => {
    const m = await member();
    await accept(m, [DROP]);
    await accept(m, [DROP]);
    await accept(m, [SHIPPED]);
    const keys = [unique('cap'), unique('cap'), unique('cap')];
    await request(m, keys[0]);
    await request(m, keys[1], 'orderShipped');
    await request(m, keys[2]);
    await settleOutbox(t);
    const [a, b, c] = await Promise.all(keys.map(sendOf));
    expect([a.status, b.status, c.status]).toEqual(['SENT', 'SENT', 'SKIPPED']);
    expect(c.skipReason).toBe('CAPPED');
    expect(await unspent(m)).toBe(1); // the capped message spent nothing
    try {
      clock.set(new Date(NOON.getTime() + 7 * DAY - 60_000));
      const early = unique('cap');
      await request(m, early);
      await settleOutbox(t);
      expect(await sendOf(early)).toMatchObject({ status: 'SKIPPED', skipReason: 'CAPPED' });
      clock.set(new Date(NOON.getTime() + 7 * DAY));
      const later = unique('cap');
      await request(m, later);
      await settleOutbox(t);
      expect(await sendOf(later)).toMatchObject({ status: 'SENT' });
      expect(sentTo(m)).toHaveLength(3);
    } finally {
      clock.set(NOON);
    }
  });

  it('defers a request in the quiet hours to 09:00 brand time, when the job sends it', async () => {
    const m = await member();
    await accept(m, [DROP]);
    const key = unique('quiet');
    try {
      clock.set(sh('2026-12-02T22:30:00'));
      await request(m, key);
      await settleOutbox(t);
      const deferred = await sendOf(key);
      expect(deferred).toMatchObject({ status: 'DEFERRED', sentAt: null });
      expect(deferred.dueAt).toEqual(sh('2026-12-03T09:00:00'));
      expect(await unspent(m)).toBe(1); // nothing spent while waiting
      expect(sentTo(m)).toEqual([]);

      const sender = t.app.get(MessageSender);
      clock.set(sh('2026-12-03T08:59:00'));
      expect(await sender.sendDue(clock.now())).toMatchObject({ due: 0, sent: 0 });
      clock.set(sh('2026-12-03T09:00:00'));
      expect(await sender.sendDue(clock.now())).toMatchObject({ due: 1, sent: 1 });
      const sent = await sendOf(key);
      expect(sent).toMatchObject({ status: 'SENT', sentAt: sh('2026-12-03T09:00:00') });
      expect(sent.msgid).toMatch(/^\d+$/);
      expect(sentTo(m)).toHaveLength(1);
      expect(await sender.sendDue(clock.now())).toMatchObject({ due: 0 });
      expect(await unspent(m)).toBe(0);
    } finally {
      clock.set(NOON);
    }
  });

  it('a deferred message whose consent was withdrawn overnight is skipped at 09:00', async () => {
    const m = await member();
    await accept(m, [DROP]);
    const key = unique('quiet-withdrawn');
    try {
      clock.set(sh('2026-12-02T23:00:00'));
      await request(m, key);
      await settleOutbox(t);
      expect((await sendOf(key)).status).toBe('DEFERRED');
      await t.inject({
        method: 'POST',
        url: '/api/me/message-consents/withdraw',
        headers: m.headers,
        payload: { templateId: DROP },
      });
      clock.set(sh('2026-12-03T09:05:00'));
      await t.app.get(MessageSender).sendDue(clock.now());
      expect(await sendOf(key)).toMatchObject({ status: 'SKIPPED', skipReason: 'NO_CONSENT' });
      expect(sentTo(m)).toEqual([]);
    } finally {
      clock.set(NOON);
    }
  });

  it('records 43101 (WeChat holds no consent) as REFUSED with the consent spent', async () => {
    const m = await member();
    // Our ledger has a consent that WeChat does not (e.g. used by another sender of the same app).
    await t.inject({
      method: 'POST',
      url: '/api/me/message-consents',
      headers: m.headers,
      payload: { accepted: [DROP], sourcePage: 'pages/index/index' },
    });
    const key = unique('refused');
    await request(m, key);
    await settleOutbox(t);
    expect(await sendOf(key)).toMatchObject({ status: 'REFUSED', errcode: 43101, msgid: null });
    expect((await sendOf(key)).errmsg).toContain('user refuse to accept the msg');
    expect(await unspent(m)).toBe(0);
    const entries = await expectBalanceMatchesLedger(m);
    expect(entries.map((e) => e.kind)).toEqual(['GRANT', 'SPEND']);
  });

  it('gives the consent back when WeChat rejects the data (47003), and retries a busy WeChat later', async () => {
    const m = await member();
    await accept(m, [DROP]);
    const bad = unique('bad-data');
    await t.app.get(Transactions).run((manager) =>
      t.app.get(MessagesService).request(manager, {
        memberId: m.id,
        templateKey: 'dropReminder',
        data: { ...dropData, thing1: '字'.repeat(21) },
        dedupeKey: bad,
      }),
    );
    await settleOutbox(t);
    expect(await sendOf(bad)).toMatchObject({ status: 'FAILED', errcode: 47003 });
    expect(await unspent(m)).toBe(1);
    expect((await expectBalanceMatchesLedger(m)).map((e) => e.kind)).toEqual(['GRANT', 'SPEND', 'RESTORE']);

    const busy = unique('busy');
    fake.failNext.subscribesend = [-1];
    await request(m, busy);
    await t.app.get(OutboxService).dispatch();
    // Rolled back whole: no row, the consent unspent; the event waits for the next dispatch.
    expect(await sends().findOneBy({ dedupeKey: busy })).toBeNull();
    expect(await unspent(m)).toBe(1);
    await settleOutbox(t);
    expect(await sendOf(busy)).toMatchObject({ status: 'SENT' });
    expect(sentTo(m)).toHaveLength(1);
  });

  it('sends a message once per dedupe key, whatever the repeats', async () => {
    const m = await member();
    await accept(m, [DROP]);
    await accept(m, [DROP]);
    const key = unique('dedupe');
    await request(m, key);
    await request(m, key); // the same publish: the outbox keeps one event
    await settleOutbox(t);
    // A second event naming the same key (say, after the outbox purged the first): the send row stops it.
    await t.app.get(Transactions).run((manager) =>
      t.app.get(OutboxService).publish(manager, 'message.requested', unique('other-event'), {
        memberId: m.id,
        templateKey: 'dropReminder',
        data: dropData,
        dedupeKey: key,
        requestedAt: clock.now().toISOString(),
      }),
    );
    await settleOutbox(t);
    expect(await sends().countBy({ dedupeKey: key })).toBe(1);
    expect(sentTo(m)).toHaveLength(1);
    expect(await unspent(m)).toBe(1);
  });

  it('20 concurrent requests with 3 consents send exactly 3', async () => {
    const sender = t.app.get(MessageSender);
    sender.useRules({ ...DEFAULT_MESSAGE_RULES, weeklyCap: 100 });
    try {
      const m = await member();
      await accept(m, [DROP]);
      await accept(m, [DROP]);
      await accept(m, [DROP]);
      fake.grantSubscribe(m.openid, DROP, 17); // WeChat would take more: our ledger must be what stops them
      const keys = Array.from({ length: 20 }, () => unique('burst'));
      await Promise.all(keys.map((key) => request(m, key)));
      const outbox = t.app.get(OutboxService);
      await Promise.all([outbox.dispatch(), outbox.dispatch(), outbox.dispatch(), outbox.dispatch()]);
      await settleOutbox(t);
      const rows = await Promise.all(keys.map(sendOf));
      expect(rows.filter((r) => r.status === 'SENT')).toHaveLength(3);
      expect(rows.filter((r) => r.status === 'SKIPPED' && r.skipReason === 'NO_CONSENT')).toHaveLength(17);
      expect(sentTo(m)).toHaveLength(3);
      expect(await unspent(m)).toBe(0);
      const entries = await expectBalanceMatchesLedger(m);
      expect(entries.filter((e) => e.kind === 'SPEND')).toHaveLength(3);
    } finally {
      sender.useRules(DEFAULT_MESSAGE_RULES);
    }
  });

  it('消息触达: operators list the sends filtered in SQL with per-template counts; others are refused', async () => {
    const m = await member();
    await accept(m, [DROP]);
    const sentKey = unique('console');
    const skippedKey = unique('console');
    await request(m, sentKey);
    await request(m, skippedKey, 'orderShipped');
    await settleOutbox(t);
    const operator = await staffLogin(t, 'operator');
    const list = (query: string, who: Actor = operator) =>
      t.inject({ method: 'GET', url: `/api/admin/messages/sends?memberId=${m.id}&${query}`, headers: who.headers });
    const all = await list('');
    expect(all.statusCode).toBe(200);
    const body = all.json<AdminMessageSendsResponse>();
    expect(body.total).toBe(2);
    expect(body.items.map((i) => [i.templateName, i.status, i.skipReason])).toEqual([
      ['订单发货通知', 'SKIPPED', 'NO_CONSENT'],
      ['团购开抢提醒', 'SENT', null],
    ]);
    expect(body.items[1].msgid).toMatch(/^\d+$/);
    expect(body.counts).toEqual([
      { templateKey: 'dropReminder', templateName: '团购开抢提醒', status: 'SENT', count: 1 },
      { templateKey: 'orderShipped', templateName: '订单发货通知', status: 'SKIPPED', count: 1 },
    ]);
    const sent = (await list('status=SENT&pageSize=1')).json<AdminMessageSendsResponse>();
    expect([sent.total, sent.items.length, sent.items[0].templateKey]).toEqual([1, 1, 'dropReminder']);
    const shipped = (await list('templateKey=orderShipped')).json<AdminMessageSendsResponse>();
    expect(shipped.items.map((i) => i.status)).toEqual(['SKIPPED']);
    const later = (
      await list(`from=${encodeURIComponent(new Date(NOON.getTime() + 1).toISOString())}`)
    ).json<AdminMessageSendsResponse>();
    expect(later.total).toBe(0);

    const bad = await list('status=LOST');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('status');
    expect((await list('', m)).statusCode).toBe(403);
  });

  it('account deletion withdraws the unspent consents, skips what was deferred and blanks the keyword values', async () => {
    const m = await member();
    await accept(m, [DROP]);
    await accept(m, [DROP]);
    const sent = unique('erase');
    const deferred = unique('erase');
    try {
      await request(m, sent);
      await settleOutbox(t);
      clock.set(sh('2026-12-02T23:00:00'));
      await request(m, deferred);
      await settleOutbox(t);
      expect((await sendOf(deferred)).status).toBe('DEFERRED');
      const res = await t.inject({ method: 'DELETE', url: '/api/members/me', headers: m.headers });
      expect(res.statusCode).toBe(204);
    } finally {
      clock.set(NOON);
    }
    expect(await sendOf(deferred)).toMatchObject({ status: 'SKIPPED', skipReason: 'NO_MEMBER', data: {} });
    expect(await sendOf(sent)).toMatchObject({ status: 'SENT', data: {}, page: null });
    const entries = await expectBalanceMatchesLedger(m);
    expect(entries.map((e) => [e.kind, e.quantity])).toEqual([
      ['GRANT', 1],
      ['GRANT', 1],
      ['SPEND', 1],
      ['WITHDRAW', 1],
    ]);
  });
});
