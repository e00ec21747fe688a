import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_GROWTH_RULES, goldenWindowCampaign } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { CouponsService } from '../coupons';
import { Campaign, CampaignBudget, CampaignVersion } from './campaign.entities';

/** The shipped post-purchase campaign's key (its holdout and grants hang off it: never change it). */
export const GOLDEN_WINDOW_CAMPAIGN_KEY = 'golden-window';
/** The coupon template it issues (created by the coupons module's bootstrap). */
export const GOLDEN_WINDOW_TEMPLATE_CODE = 'GOLDEN_88';

/**
 * Ships the golden-window campaign enabled: a paid purchase of at least ¥35 by WeChat Pay within 14 days of the
 * member's first purchase earns the 88折 coupon, valid 7 days (the growth rules' defaults). Created once, when
 * missing, with INSERT IGNORE so replicas booting together agree; after that it is the operator's to edit, pause
 * or end, and a reboot never brings it back to life.
 */
@Injectable()
export class CampaignsBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(CampaignsBootstrap.name);

  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly transactions: Transactions,
    private readonly coupons: CouponsService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.campaigns.exist({ where: { key: GOLDEN_WINDOW_CAMPAIGN_KEY } })) return;
    const template = await this.coupons.template(GOLDEN_WINDOW_TEMPLATE_CODE).catch(() => null);
    if (!template) {
      this.logger.warn({ msg: 'golden-window coupon template missing; campaign not created' });
      return;
    }
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Campaign)
        .values({
          key: GOLDEN_WINDOW_CAMPAIGN_KEY,
          name: '新客黄金期复购券',
          status: 'ACTIVE',
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      const campaign = await manager.getRepository(Campaign).findOneByOrFail({ key: GOLDEN_WINDOW_CAMPAIGN_KEY });
      await manager
        .createQueryBuilder()
        .insert()
        .into(CampaignVersion)
        .values({
          campaignId: campaign.id,
          version: 1,
          definition: goldenWindowCampaign(template.id, DEFAULT_GROWTH_RULES),
          createdBy: 'system',
          createdAt: now,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      await manager
        .createQueryBuilder()
        .insert()
        .into(CampaignBudget)
        .values({ campaignId: campaign.id, grantedCount: 0, spentFen: 0 })
        .orIgnore()
        .updateEntity(false)
        .execute();
    });
  }
}
