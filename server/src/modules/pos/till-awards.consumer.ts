import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fen, formatFen } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { LoyaltyService } from '../loyalty';
import { OutboxService } from '../outbox';
import { StoresService } from '../stores';
import { TillTransaction } from './till-transaction.entity';

/** The ledgers' source of a till sale's awards: `till:<saleId>`. */
const SOURCE_TYPE = 'till';

/**
 * Points and growth of till sales, from `till.sale.recorded`, and their reversal, from `till.sale.refunded`.
 * The ledger writes join the handler's transaction and are keyed by the sale, so whichever delivery or handler
 * gets there first applies them and later ones change nothing. The reversal applies the awards first: if the
 * recording's handler has not succeeded yet, the ledgers must still hold the earning before taking it back.
 */
@Injectable()
export class TillAwardsConsumer implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly loyalty: LoyaltyService,
    private readonly stores: StoresService,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('till.sale.recorded', 'loyalty.till-sale-awards', async (event, { manager }) => {
      await this.award(manager, event.saleId);
    });
    this.outbox.subscribe('till.sale.refunded', 'loyalty.till-sale-reversal', async (event, { manager }) => {
      const sale = await this.award(manager, event.saleId);
      const source = { sourceType: SOURCE_TYPE, sourceId: sale.id };
      if (sale.pointsAwarded > 0) await this.loyalty.reverse(sale.memberId, { ...source, reason: '门店退款' });
      if (sale.growthAwarded > 0) await this.loyalty.reverseGrowth(sale.memberId, { ...source, reason: '门店退款' });
    });
  }

  private async award(manager: EntityManager, saleId: number): Promise<TillTransaction> {
    const sale = await manager.getRepository(TillTransaction).findOneByOrFail({ id: saleId });
    const source = { sourceType: SOURCE_TYPE, sourceId: sale.id };
    const store = await this.stores.findById(sale.storeId);
    const reason = tillReason(sale, store?.name ?? '门店');
    if (sale.pointsAwarded > 0)
      await this.loyalty.earn(sale.memberId, { ...source, points: sale.pointsAwarded, reason });
    if (sale.growthAwarded > 0)
      await this.loyalty.addGrowth(sale.memberId, { ...source, growth: sale.growthAwarded, reason });
    return sale;
  }
}

/** What the member's history says: where, what was paid and which discounts applied (e.g. 会员日满68减8). */
function tillReason(sale: TillTransaction, storeName: string): string {
  const discounts = sale.discounts.map((d) => d.label).join('、');
  const paid = formatFen(fen(sale.payableFen));
  return `${storeName} 门店消费 ${paid}${discounts ? `（${discounts}）` : ''}`.slice(0, 255);
}
