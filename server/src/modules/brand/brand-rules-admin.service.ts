import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  applyDraft,
  type BrandRules,
  type BrandRulesOverview,
  type BrandRulesPreviewResponse,
  type BrandRulesPreviewSide,
  type BrandRuleVersionView,
  draftProblems,
  fen,
  pointsForPurchase,
  quote,
  type RuleVersionState,
  type TierCode,
} from '@tidepool/shared';
import type { Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { AuditLog } from '../audit';
import { BrandRuleVersion } from './brand-rule-version.entity';
import { BrandRuleVersionStore } from './brand-rule-version.store';
import { BrandSettings } from './brand-settings.service';
import type { BrandRulesPreviewDto, CreateBrandRuleVersionDto } from './dto/brand-rules.requests';

/** 品牌规则 in the console: the versions, scheduling a new one, cancelling one not yet in force, a preview. */
@Injectable()
export class BrandRulesAdmin {
  constructor(
    private readonly settings: BrandSettings,
    private readonly store: BrandRuleVersionStore,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    @InjectRepository(BrandRuleVersion) private readonly versions: Repository<BrandRuleVersion>,
  ) {}

  async overview(): Promise<BrandRulesOverview> {
    const now = this.clock.now();
    const rows = await this.versions.find({ order: { effectiveFrom: 'DESC', id: 'DESC' } });
    const inForce = this.settings.rules(now);
    const configured = this.settings.configuredRules();
    const views: BrandRuleVersionView[] = rows.map((row) => {
      const rules = JSON.parse(row.rulesJson) as BrandRules;
      return {
        id: row.id,
        version: rules.version,
        effectiveFrom: row.effectiveFrom.toISOString(),
        state: stateOf(rules, row.cancelledAt, inForce, now),
        note: row.note,
        createdBy: row.createdByName,
        createdAt: row.createdAt.toISOString(),
        rules,
      };
    });
    views.push({
      id: 0,
      version: configured.version,
      effectiveFrom: configured.effectiveFrom,
      state: stateOf(configured, null, inForce, now),
      note: '部署配置中的初始规则',
      createdBy: null,
      createdAt: null,
      rules: configured,
    });
    return { inForce: views.find((v) => v.state === 'IN_FORCE') ?? views[views.length - 1], versions: views };
  }

  async schedule(actor: Principal, request: CreateBrandRuleVersionDto): Promise<BrandRuleVersionView> {
    const effectiveFrom = new Date(request.effectiveFrom);
    const base = this.settings.rules(effectiveFrom);
    const problems = draftProblems(request.draft, effectiveFrom, this.clock.now(), base);
    if (problems.length > 0) {
      const details = problems.map((p) => ({
        field: `draft.${p.field}`.replace('draft.effectiveFrom', 'effectiveFrom'),
        reason: p.reason,
      }));
      throw new DomainException(
        'VALIDATION_FAILED',
        `品牌规则有误：${[...new Set(problems.map((p) => p.reason))].join('；')}`,
        details,
      );
    }
    const id = await this.transactions.run(async (manager) => {
      const inserted = await manager.insert(BrandRuleVersion, {
        effectiveFrom,
        rulesJson: '{}',
        note: request.note ?? '',
        createdByStaffId: actor.id,
        createdByName: '',
      });
      const versionId = Number(inserted.identifiers[0].id);
      const rules = applyDraft(base, request.draft, `brand-rules/${versionId}`, effectiveFrom.toISOString());
      const { actorName } = await this.audit.record({
        actor,
        action: 'brand_rules.schedule',
        objectType: 'brand_rules',
        objectId: versionId,
        before: { version: base.version, effectiveFrom: base.effectiveFrom, ...summaryOf(base) },
        after: { version: rules.version, effectiveFrom: rules.effectiveFrom, ...summaryOf(rules) },
      });
      await manager.update(
        BrandRuleVersion,
        { id: versionId },
        { rulesJson: JSON.stringify(rules), createdByName: actorName },
      );
      return versionId;
    });
    await this.store.reload();
    return (await this.overview()).versions.find((v) => v.id === id)!;
  }

  async cancel(actor: Principal, id: number): Promise<BrandRuleVersionView> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(BrandRuleVersion, { id });
      if (!row) throw new DomainException('BRAND_RULES_VERSION_NOT_FOUND');
      if (row.cancelledAt) return;
      if (row.effectiveFrom.getTime() <= now.getTime()) throw new DomainException('BRAND_RULES_ALREADY_IN_FORCE');
      await manager.update(BrandRuleVersion, { id }, { cancelledAt: now });
      await this.audit.record({
        actor,
        action: 'brand_rules.cancel',
        objectType: 'brand_rules',
        objectId: id,
        before: { cancelled: false },
        after: { cancelled: true },
      });
    });
    await this.store.reload();
    return (await this.overview()).versions.find((v) => v.id === id)!;
  }

  /** A sample basket priced under the rules in force and under the draft, as the checkout and the till would. */
  preview(request: BrandRulesPreviewDto): BrandRulesPreviewResponse {
    const now = this.clock.now();
    const current = this.settings.rules(now);
    const draft = applyDraft(current, request.draft, 'preview', now.toISOString());
    return {
      current: priceSample(current, request.amountFen, request.tier, request.memberDay),
      draft: priceSample(draft, request.amountFen, request.tier, request.memberDay),
    };
  }
}

function stateOf(rules: BrandRules, cancelledAt: Date | null, inForce: BrandRules, now: Date): RuleVersionState {
  if (cancelledAt) return 'CANCELLED';
  if (rules.version === inForce.version) return 'IN_FORCE';
  return Date.parse(rules.effectiveFrom) > now.getTime() ? 'PENDING' : 'SUPERSEDED';
}

function summaryOf(rules: BrandRules): Record<string, unknown> {
  return {
    memberDay: `${rules.memberDay.weekday}/${rules.memberDay.thresholdFen}`,
    tiers: rules.tierTable
      .map((t) => `${t.name}:${t.minGrowth}:${t.pointsPerYuanTenths}:${t.memberDayDiscountFen}`)
      .join(' '),
    birthdayMultiplier: rules.points.birthdayMultiplier,
    returnWindowDays: rules.returnWindowDays,
    orderAutoConfirmDays: rules.orderAutoConfirmDays,
    commission: `${rules.distribution.directRateBp}/${rules.distribution.indirectRateBp}`,
    withdrawal: `${rules.distribution.withdrawMinFen}/${rules.distribution.withdrawDailyLimitFen}/${rules.distribution.withdrawReviewThresholdFen}`,
    signupGift: rules.signupGift.enabled ? `${rules.signupGift.title}/${rules.signupGift.validDays}` : 'off',
  };
}

function priceSample(rules: BrandRules, amountFen: number, tier: TierCode, memberDay: boolean): BrandRulesPreviewSide {
  const weekday = memberDay ? rules.memberDay.weekday : (rules.memberDay.weekday + 1) % 7;
  const result = quote({
    lines: [{ skuId: 0, productId: 0, categoryId: 0, unitPriceFen: fen(amountFen), quantity: 1 }],
    member: { tier, localWeekday: weekday },
    coupons: [],
    rules: { memberDay: rules.memberDay, tiers: rules.tierTable },
  });
  const memberDayDiscountFen = result.discounts
    .filter((d) => d.kind === 'MEMBER_DAY')
    .reduce((sum, d) => sum + d.amountFen, 0);
  const points = pointsForPurchase(
    { paidFen: result.payableFen, tier, birthday: false },
    rules.tierTable,
    rules.points,
  );
  return { payableFen: result.payableFen, memberDayDiscountFen, points };
}
