import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, MoreThan, type Repository } from 'typeorm';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { type OrderLineRead, OrderReadsService } from '../orders';
import { OrderReservations, type ReservationHolder } from '../orders';
import { DropItem } from './drop-item.entity';
import { DropMemberHold } from './drop-member-hold.entity';

/** What this process last read about a sold-out item: until when to trust it, and who had tried to buy it. */
export interface SoldOutSnapshot {
  until: number;
  /** Members holding units: the only ones whose retry may be answered by an existing order. */
  attempted: Set<number>;
}

/**
 * A drop item's units. The database is the only judge: a reservation is two conditional UPDATEs (the member's
 * hold, then the item's counters) at the end of the order transaction. What this class adds is the rush:
 * once an item is sold out, the process remembers it for `dropSoldOutCacheMs`, so the thousands who tap "buy"
 * after the last unit are answered from memory, with no database read or write. The memory is only a hint:
 * when it lapses a single read (shared by concurrent requests) checks again, and a release in this process
 * forgets it at once, so units from an expired reservation are back on sale within that interval everywhere.
 */
@Injectable()
export class DropStock implements ReservationHolder, OnModuleInit {
  private readonly logger = new Logger(DropStock.name);
  private readonly soldOut = new Map<number, SoldOutSnapshot>();
  private readonly rechecks = new Map<number, Promise<SoldOutSnapshot | null>>();
  /** Items an order's cancel transaction released, to forget once it has committed. */
  private readonly releasedByOrder = new Map<number, number[]>();
  private readonly gates = new Map<number, { active: number; waiting: Array<() => void> }>();

  constructor(
    @InjectRepository(DropMemberHold) private readonly holds: Repository<DropMemberHold>,
    private readonly transactions: Transactions,
    private readonly reservations: OrderReservations,
    private readonly orderReads: OrderReadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.reservations.register(this);
  }

  /**
   * Sold out as far as this process knows, without touching the database; when an earlier "sold out" has lapsed,
   * one read checks again.
   */
  async soldOutSnapshot(itemId: number): Promise<SoldOutSnapshot | null> {
    const known = this.soldOut.get(itemId);
    if (!known) return null;
    if (known.until > Date.now()) return known;
    return this.recheck(itemId);
  }

  /** Reads the item's counters (one read at a time per item) and remembers "sold out" when nothing is left. */
  recheck(itemId: number): Promise<SoldOutSnapshot | null> {
    const running = this.rechecks.get(itemId);
    if (running) return running;
    const check = this.transactions
      .run(async (manager) => {
        const item = await manager.getRepository(DropItem).findOneBy({ id: itemId });
        if (!item || item.cap - item.sold - item.reserved > 0) return null;
        // Same transaction as the counters: everyone who holds a unit is in this list.
        const rows = await manager
          .getRepository(DropMemberHold)
          .find({ select: { memberId: true }, where: { dropItemId: itemId, held: MoreThan(0) } });
        return {
          until: Date.now() + this.config.drops.soldOutCacheMs,
          attempted: new Set(rows.map((r) => r.memberId)),
        };
      })
      .then((snapshot) => {
        if (snapshot) this.soldOut.set(itemId, snapshot);
        else this.soldOut.delete(itemId);
        return snapshot;
      })
      .finally(() => this.rechecks.delete(itemId));
    this.rechecks.set(itemId, check);
    return check;
  }

  /**
   * At most `dropBuyConcurrency` buy attempts per item per process reach the database at once; the rest wait here
   * in memory. When the last unit goes, the waiting crowd is answered from memory instead of each queueing for a
   * database connection to learn the same thing.
   */
  async admit<T>(itemId: number, work: () => Promise<T>): Promise<T> {
    let gate = this.gates.get(itemId);
    if (!gate) this.gates.set(itemId, (gate = { active: 0, waiting: [] }));
    if (gate.active >= this.config.drops.buyConcurrency)
      await new Promise<void>((resolve) => gate.waiting.push(resolve));
    gate.active++;
    try {
      return await work();
    } finally {
      gate.active--;
      gate.waiting.shift()?.();
      if (gate.active === 0 && gate.waiting.length === 0) this.gates.delete(itemId);
    }
  }

  /** The member's hold row exists before the order transaction, which then only needs a conditional UPDATE. */
  async ensureHold(itemId: number, memberId: number): Promise<void> {
    await this.holds
      .createQueryBuilder()
      .insert()
      .into(DropMemberHold)
      .values({ dropItemId: itemId, memberId, held: 0 })
      .orIgnore()
      .execute();
  }

  /**
   * Inside the order transaction, last: the member's limit, then the item's counters (the contended row, so it
   * is locked only for the commit that follows). Either refusal rolls the whole order back.
   */
  async reserve(manager: EntityManager, item: DropItem, memberId: number, quantity: number): Promise<void> {
    const hold = await manager
      .createQueryBuilder()
      .update(DropMemberHold)
      .set({ held: () => `held + ${quantity}` })
      .where('dropItemId = :item AND memberId = :memberId AND held + :quantity <= :limit', {
        item: item.id,
        memberId,
        quantity,
        limit: item.perMemberLimit,
      })
      .execute();
    if (affectedRows(hold) !== 1) {
      throw new DomainException('DROP_LIMIT_REACHED', `「${item.productName}」每人限购 ${item.perMemberLimit} 件`, [
        { field: 'quantity', reason: `limit ${item.perMemberLimit} per member` },
      ]);
    }
    const taken = await manager
      .createQueryBuilder()
      .update(DropItem)
      .set({ reserved: () => `reserved + ${quantity}` })
      .where('id = :id AND sold + reserved + :quantity <= cap', { id: item.id, quantity })
      .execute();
    if (affectedRows(taken) !== 1) {
      throw new DomainException('DROP_SOLD_OUT', `「${item.productName}」已抢光`, [
        { field: `dropItemId:${item.id}`, reason: 'no units left' },
      ]);
    }
  }

  /** Cancel transaction: the order's units go back on sale and the member's limit is freed. */
  async release(manager: EntityManager, orderId: number): Promise<void> {
    const lines = await this.dropLines(manager, orderId);
    if (lines.length === 0) return;
    const order = await this.orderReads.byId(orderId, manager);
    if (!order) throw new Error(`order ${orderId} vanished inside its own cancel transaction`);
    for (const line of lines) {
      const itemId = line.dropItemId as number;
      // Hold before item, the same order the buy path locks them in.
      await manager
        .createQueryBuilder()
        .update(DropMemberHold)
        .set({ held: () => `held - ${line.quantity}` })
        .where('dropItemId = :itemId AND memberId = :memberId AND held >= :quantity', {
          itemId,
          memberId: order.memberId,
          quantity: line.quantity,
        })
        .execute();
      const result = await manager
        .createQueryBuilder()
        .update(DropItem)
        .set({ reserved: () => `reserved - ${line.quantity}` })
        .where('id = :itemId AND reserved >= :quantity', { itemId, quantity: line.quantity })
        .execute();
      if (affectedRows(result) !== 1) this.logger.error({ msg: 'drop release found no reservation', orderId, itemId });
    }
    this.releasedByOrder.set(
      orderId,
      lines.map((l) => l.dropItemId as number),
    );
  }

  afterRelease(orderId: number): void {
    for (const itemId of this.releasedByOrder.get(orderId) ?? []) this.soldOut.delete(itemId);
    this.releasedByOrder.delete(orderId);
  }

  /** Payment transaction: reserved → sold. */
  async sell(manager: EntityManager, orderId: number): Promise<void> {
    for (const line of await this.dropLines(manager, orderId)) {
      const result = await manager
        .createQueryBuilder()
        .update(DropItem)
        .set({ reserved: () => `reserved - ${line.quantity}`, sold: () => `sold + ${line.quantity}` })
        .where('id = :itemId AND reserved >= :quantity', { itemId: line.dropItemId, quantity: line.quantity })
        .execute();
      // Unreachable while cancel and payment exclude each other on the order's state; never fail a payment for it.
      if (affectedRows(result) !== 1) {
        this.logger.error({ msg: 'drop sale found no reservation', orderId, itemId: line.dropItemId });
      }
    }
  }

  /** Units the member holds per item (reserved or bought). */
  async heldBy(memberId: number, itemIds: number[]): Promise<Map<number, number>> {
    if (itemIds.length === 0) return new Map();
    const rows = await this.holds.findBy({ memberId, dropItemId: In(itemIds) });
    return new Map(rows.map((r) => [r.dropItemId, r.held]));
  }

  private async dropLines(manager: EntityManager, orderId: number): Promise<OrderLineRead[]> {
    return (await this.orderReads.lines(orderId, manager)).filter((line) => line.dropItemId !== null);
  }
}
