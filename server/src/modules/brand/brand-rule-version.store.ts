import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BrandRules } from '@tidepool/shared';
import { IsNull, type Repository } from 'typeorm';
import { BrandRuleVersion } from './brand-rule-version.entity';
import { BrandSettings } from './brand-settings.service';

/**
 * Keeps BrandSettings' scheduled versions in step with the table: loaded at boot, after every write in this
 * process, and every RELOAD_MS in every process. A version must be scheduled at least a minute ahead
 * (`draftProblems`), longer than RELOAD_MS, so every process holds it before it takes effect.
 */
@Injectable()
export class BrandRuleVersionStore implements OnModuleInit, OnModuleDestroy {
  static readonly RELOAD_MS = 30_000;
  private readonly logger = new Logger(BrandRuleVersionStore.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: BrandSettings,
    @InjectRepository(BrandRuleVersion) private readonly versions: Repository<BrandRuleVersion>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.reload().catch((error: unknown) =>
        this.logger.warn({ msg: 'brand rule versions not reloaded; the loaded ones stay in force', err: error }),
      );
    }, BrandRuleVersionStore.RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async reload(): Promise<void> {
    const rows = await this.versions.find({ where: { cancelledAt: IsNull() }, order: { effectiveFrom: 'ASC' } });
    this.settings.useScheduledVersions(rows.map((row) => JSON.parse(row.rulesJson) as BrandRules));
  }
}
