import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { StorefrontSettingsUpdate, StorefrontSettingsView } from '@tidepool/shared';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { StorefrontSettings } from './storefront-settings.entity';

const SETTINGS_ID = 1;

/** Until the operator saves: no hot keywords (the search page then suggests popular products) and a placeholder line. */
export const DEFAULT_STOREFRONT_SETTINGS: StorefrontSettingsView = {
  hotKeywords: [],
  servicePhone: '400-820-1234',
  serviceHours: '每天 09:00-21:00',
};

@Injectable()
export class StorefrontService {
  constructor(
    @InjectRepository(StorefrontSettings) private readonly settings: Repository<StorefrontSettings>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async view(): Promise<StorefrontSettingsView> {
    const row = await this.settings.findOneBy({ id: SETTINGS_ID });
    return row ? toView(row) : { ...DEFAULT_STOREFRONT_SETTINGS };
  }

  async update(patch: StorefrontSettingsUpdate): Promise<StorefrontSettingsView> {
    return this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(StorefrontSettings, { id: SETTINGS_ID });
      const next = { ...(row ? toView(row) : DEFAULT_STOREFRONT_SETTINGS), ...definedOnly(patch) };
      // An upsert on the one row: two first saves at once cannot both insert.
      await manager.upsert(StorefrontSettings, { id: SETTINGS_ID, ...next, updatedAt: this.clock.now() }, ['id']);
      return next;
    });
  }
}

function definedOnly(patch: StorefrontSettingsUpdate): StorefrontSettingsUpdate {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}

function toView(row: StorefrontSettings): StorefrontSettingsView {
  return { hotKeywords: row.hotKeywords, servicePhone: row.servicePhone, serviceHours: row.serviceHours };
}
