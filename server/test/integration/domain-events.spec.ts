import { getDataSourceToken } from '@nestjs/typeorm';
import { DOMAIN_EVENT_NAMES, isDomainEventName } from '@tidepool/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Transactions } from '../../src/common/database/transactions';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxHandled } from '../../src/modules/outbox/outbox-handled.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { createTestApp, type TestApp, usingMysql } from '../support/test-app';

const clock = new TestClock(new Date('2026-12-03T02:00:00Z'));
let t: TestApp;
let outbox: OutboxService;
let transactions: Transactions;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  outbox = t.app.get(OutboxService);
  transactions = t.app.get(Transactions);
});
afterAll(() => t.close());

const ds = () => t.app.get<DataSource>(getDataSourceToken());
const eventByKey = (dedupeKey: string) => ds().getRepository(OutboxEvent).findOneByOrFail({ dedupeKey });

/**
 * `order.completed` has no handler in the app, so the tests below own every handler of it. Each test uses its
 * own order ids and filters what its handlers saw by them.
 */
async function publishCompleted(orderId: number): Promise<string> {
  const key = `order.completed:${orderId}`;
  await transactions.run((manager) =>
    outbox.publish(manager, 'order.completed', key, { orderId, completedAt: clock.now().toISOString(), by: 'SYSTEM' }),
  );
  return key;
}

describe('the event catalogue', () => {
  it('lists every event once, and the outbox accepts only its names and payloads', async () => {
    expect(new Set(DOMAIN_EVENT_NAMES).size).toBe(DOMAIN_EVENT_NAMES.length);
    expect(DOMAIN_EVENT_NAMES).toContain('order.paid');
    expect(isDomainEventName('order.payed')).toBe(false);
    await transactions
      .run(async (manager: EntityManager) => {
        // Compile-time checks: each line below fails `pnpm typecheck` if the outbox stops rejecting it.
        // @ts-expect-error an unknown event name
        await outbox.publish(manager, 'order.payed', 'typo:1', { orderId: 1 });
        // @ts-expect-error a payload of the wrong shape (refundId missing, amount not in fen)
        await outbox.publish(manager, 'order.refunded', 'shape:1', { orderId: 1, amount: '9.90' });
        // @ts-expect-error a handler reading a field the event does not carry
        outbox.subscribe('order.paid', 'test.typo', (event) => Promise.resolve(void event.refundId));
        throw new Error('roll back the ill-typed events');
      })
      .catch(() => undefined);
    expect(await ds().getRepository(OutboxEvent).countBy({ dedupeKey: 'typo:1' })).toBe(0);
  });
});

describe('handlers, idempotent by event id', () => {
  const seen = { a: [] as number[], b: [] as number[] };
  let failB = 0;
  let gate: Promise<void> | null = null;
  beforeAll(() => {
    outbox.subscribe('order.completed', 'test.handler-a', async (event) => {
      if (gate) await gate;
      seen.a.push(event.orderId);
    });
    outbox.subscribe('order.completed', 'test.handler-b', (event) => {
      if (failB > 0) {
        failB--;
        return Promise.reject(new Error('handler b is down'));
      }
      seen.b.push(event.orderId);
      return Promise.resolve();
    });
  });
  const count = (list: number[], orderId: number) => list.filter((id) => id === orderId).length;

  it('a redelivery after one handler failed re-runs only that handler', async () => {
    const orderId = 1_000 + ++serial;
    const key = await publishCompleted(orderId);
    failB = 1;
    await outbox.dispatchKey(key);
    expect([count(seen.a, orderId), count(seen.b, orderId)]).toEqual([1, 0]);
    expect(await eventByKey(key)).toMatchObject({ processedAt: null, lastError: 'test.handler-b: handler b is down' });

    await outbox.dispatchKey(key);
    expect([count(seen.a, orderId), count(seen.b, orderId)]).toEqual([1, 1]);
    const event = await eventByKey(key);
    expect(event.processedAt).not.toBeNull();
    const handled = await ds().getRepository(OutboxHandled).findBy({ eventId: event.id });
    expect(handled.map((h) => h.handler).sort()).toEqual(['test.handler-a', 'test.handler-b']);
    await outbox.dispatch(); // processed: nothing runs again
    expect([count(seen.a, orderId), count(seen.b, orderId)]).toEqual([1, 1]);
  });

  it('refuses to dispatch inside a unit of work, where handlers would join the publisher', async () => {
    const orderId = 4_000 + ++serial;
    const key = await publishCompleted(orderId);
    await transactions.run(async () => {
      await expect(outbox.dispatchKey(key)).rejects.toThrow(/after the commit/);
    });
    expect(await outbox.dispatchKey(key)).toBe(true);
    expect([count(seen.a, orderId), count(seen.b, orderId)]).toEqual([1, 1]);
  });

  it('20 concurrent dispatches of one event apply each handler once', async () => {
    const orderId = 2_000 + ++serial;
    const key = await publishCompleted(orderId);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? outbox.dispatch() : outbox.dispatchKey(key))));
    expect([count(seen.a, orderId), count(seen.b, orderId)]).toEqual([1, 1]);
    expect((await eventByKey(key)).processedAt).not.toBeNull();
  });

  it('a second dispatcher that takes over a lapsed claim does not apply a handler again', async () => {
    const orderId = 3_000 + ++serial;
    const key = await publishCompleted(orderId);
    let open: () => void = () => undefined;
    gate = new Promise((resolve) => (open = resolve));
    const slow = outbox.dispatchKey(key); // holds handler a's transaction open at the gate
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock.advance(61_000); // its claim lapses: another dispatcher may take the event over
    const takeover = outbox.dispatchKey(key);
    await new Promise((resolve) => setTimeout(resolve, 50));
    open();
    gate = null;
    await Promise.all([slow, takeover]);
    await outbox.dispatchKey(key);
    expect([count(seen.a, orderId), count(seen.b, orderId)]).toEqual([1, 1]);
    expect((await eventByKey(key)).processedAt).not.toBeNull();
  });
});

describe('one unit of work', () => {
  const marker = (name: string) => ({
    topic: 'order.completed',
    dedupeKey: `uow:${name}:${++serial}`,
    payload: {},
    createdAt: clock.now(),
  });
  const exists = (dedupeKey: string) => ds().getRepository(OutboxEvent).existsBy({ dedupeKey });

  it('a nested unit joins the outer one and rolls back with it, without queueing behind it', async () => {
    const outer = marker('outer');
    const inner = marker('inner');
    const run = transactions
      .run(async (manager) => {
        await manager.insert(OutboxEvent, outer);
        const joined = await transactions.run(async (nested) => {
          await nested.insert(OutboxEvent, inner);
          return nested === manager;
        });
        expect(joined).toBe(true);
        throw new Error('the outer unit fails after the inner one finished');
      })
      .then(
        () => 'committed',
        (error: Error) => error.message,
      );
    const settled = await Promise.race([run, new Promise((resolve) => setTimeout(() => resolve('deadlock'), 5_000))]);
    expect(settled).toBe('the outer unit fails after the inner one finished');
    expect([await exists(outer.dedupeKey), await exists(inner.dedupeKey)]).toEqual([false, false]);
  });

  it('commits the nested work with the outer unit, and refuses a nested unit asking for another isolation', async () => {
    const outer = marker('outer');
    const inner = marker('inner');
    await transactions.run(async (manager) => {
      await manager.insert(OutboxEvent, outer);
      await transactions.run((nested) => nested.insert(OutboxEvent, inner));
      await expect(transactions.run(() => Promise.resolve(), { isolation: 'SERIALIZABLE' })).rejects.toThrow(
        /asking for SERIALIZABLE joined one running at the default level/,
      );
    });
    expect([await exists(outer.dedupeKey), await exists(inner.dedupeKey)]).toEqual([true, true]);
  });

  it('work left running after its unit ended starts a unit of its own', async () => {
    let later: Promise<boolean> = Promise.resolve(false);
    await transactions.run((outer) => {
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        transactions.run((own) => Promise.resolve(own !== outer && transactions.active)),
      );
      return Promise.resolve();
    });
    expect(await later).toBe(true);
  });

  it.runIf(usingMysql)('MariaDB: a deadlock reruns the whole transaction, and both units commit', async () => {
    const a = marker('lock-a');
    const b = marker('lock-b');
    await ds().getRepository(OutboxEvent).insert([a, b]);
    const attempts = { first: 0, second: 0 };
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const lockThenCross = (mine: string, theirs: string, counter: 'first' | 'second') =>
      transactions.run(async (manager) => {
        attempts[counter]++;
        const lock = (key: string) =>
          manager.query('SELECT id FROM outbox_events WHERE dedupeKey = ? FOR UPDATE', [key]);
        await lock(mine);
        if (attempts[counter] === 1) {
          // Both hold their first row before either asks for the other's: InnoDB must pick a victim.
          if (++arrived === 2) release();
          await bothLocked;
        }
        await lock(theirs);
        await manager.query('UPDATE outbox_events SET attempts = attempts + 1 WHERE dedupeKey IN (?, ?)', [
          a.dedupeKey,
          b.dedupeKey,
        ]);
      });
    await Promise.all([
      lockThenCross(a.dedupeKey, b.dedupeKey, 'first'),
      lockThenCross(b.dedupeKey, a.dedupeKey, 'second'),
    ]);
    expect(attempts.first + attempts.second).toBe(3); // the victim ran twice
    const rows = await ds()
      .getRepository(OutboxEvent)
      .findBy([{ dedupeKey: a.dedupeKey }, { dedupeKey: b.dedupeKey }]);
    expect(rows.map((r) => r.attempts)).toEqual([2, 2]);
  });
});
