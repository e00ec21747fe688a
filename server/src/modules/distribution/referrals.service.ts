import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type BindingOutcome,
  decideBinding,
  formatFen,
  fen,
  localCalendar,
  type PosterView,
  REFERRAL_TOKEN_PATTERN,
  type RecordVisitResponse,
  type ReferralTokenView,
  type ShareTargetType,
  type ShareTokenView,
} from '@tidepool/shared';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { SkusService } from '../catalog';
import { DropCatalog } from '../drops';
import { WechatGateway } from '../wechat';
import { BindingEvent, CustomerBinding, Promoter, ShareToken, ShareVisit } from './distribution.entities';
import { bindingPolicy, DISTRIBUTION_OPTIONS, type DistributionOptions } from './distribution.options';
import { PromotersService } from './promoters.service';
import { randomToken } from './tokens';
import { BrandSettings } from '../brand';

/** The landing page every poster code opens; it resolves the scene (token) and opens the target. */
export const POSTER_PAGE = 'pages/index/index';
const BRAND_TITLE = 'Tidepool 会员商城';

interface ShareTarget {
  type: ShareTargetType;
  id: number;
  title: string;
  imageUrl: string | null;
  priceFen: number | null;
  listPriceFen: number | null;
}

/**
 * Sharing and binding: referral tokens (one per promoter + target, ≤ 32 characters, also the wxacode scene),
 * poster data and cached poster codes, and visits that bind the visitor to the promoter under the rule table in
 * shared/rules/distribution/binding.ts. An unknown or forged token is never an error: the visit is unreferred.
 */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger('Referrals');
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(
    @InjectRepository(ShareToken) private readonly tokens: Repository<ShareToken>,
    @InjectRepository(Promoter) private readonly promoters: Repository<Promoter>,
    private readonly skus: SkusService,
    private readonly drops: DropCatalog,
    private readonly promoterService: PromotersService,
    private readonly wechat: WechatGateway,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(DISTRIBUTION_OPTIONS) private readonly options: DistributionOptions,
    private readonly brand: BrandSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async shareToken(
    memberId: number,
    targetType: ShareTargetType,
    targetId: number | undefined,
  ): Promise<ShareTokenView> {
    const promoter = await this.promoterService.requireApproved(memberId);
    const target = await this.target(targetType, targetId ?? 0);
    const token = await this.tokenFor(promoter.id, target);
    return {
      token: token.token,
      targetType: token.targetType,
      targetId: token.targetType === 'STORE' ? null : token.targetId,
      shareTitle: target.type === 'PRODUCT' ? `${target.title}｜${promoter.displayName}推荐` : target.title,
      imageUrl: target.imageUrl,
      createdAt: token.createdAt.toISOString(),
    };
  }

  async poster(memberId: number, targetType: ShareTargetType, targetId: number | undefined): Promise<PosterView> {
    const promoter = await this.promoterService.requireApproved(memberId);
    const target = await this.target(targetType, targetId ?? 0);
    const token = await this.tokenFor(promoter.id, target);
    const price = target.priceFen === null ? '' : ` 仅需 ${formatFen(fen(target.priceFen))}`;
    return {
      token: token.token,
      targetType: target.type,
      targetId: target.type === 'STORE' ? null : target.id,
      title: target.title,
      imageUrl: target.imageUrl,
      priceFen: target.priceFen,
      listPriceFen: target.listPriceFen,
      promoter: { displayName: promoter.displayName, avatarUrl: promoter.avatarUrl },
      codeImageUrl: `/api/distribution/codes/${token.token}.png`,
      copy: `${promoter.displayName}为你推荐：${target.title}${price}，长按识别小程序码查看`,
    };
  }

  /** Public: what a token points at (valid: false for anything unknown). */
  async resolve(raw: string): Promise<ReferralTokenView> {
    const token = await this.liveToken(raw);
    if (!token) return { valid: false, targetType: null, targetId: null };
    return {
      valid: true,
      targetType: token.targetType,
      targetId: token.targetType === 'STORE' ? null : token.targetId,
    };
  }

  /** The poster code (PNG) for a token: cached on disk, fetched once even when asked many times at once. */
  async codeImage(raw: string): Promise<Buffer> {
    const token = await this.liveToken(raw);
    if (!token) throw new DomainException('SHARE_TARGET_NOT_FOUND');
    let pending = this.inFlight.get(token.token);
    if (!pending) {
      pending = this.loadImage(token.token).finally(() => this.inFlight.delete(token.token));
      this.inFlight.set(token.token, pending);
    }
    return pending;
  }

  /**
   * A visit through a share. Counted once per visitor, token and store-zone day; with a member it also decides
   * the binding, records the decision (refusals and kept bindings too) and applies it.
   */
  async visit(raw: string, memberId: number | null, visitorId: string | null = null): Promise<RecordVisitResponse> {
    const token = await this.liveToken(raw);
    if (!token) return { referred: false, outcome: 'UNREFERRED', targetType: null, targetId: null };
    const targetId = token.targetType === 'STORE' ? null : token.targetId;
    const now = this.clock.now();
    await this.countView(token, memberId, visitorId, now);
    if (memberId === null) return { referred: true, outcome: 'ANONYMOUS', targetType: token.targetType, targetId };
    const promoter = await this.promoters.findOneBy({ id: token.promoterId });
    if (!promoter || promoter.status !== 'APPROVED') {
      return { referred: false, outcome: 'UNREFERRED', targetType: token.targetType, targetId };
    }
    const upstream = await this.promoterService.upstreamMemberIds(promoter);
    // Two visits of the same customer at once: the loser's write finds the binding changed (or already made) and
    // decides again on what is there now.
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.decideAndBind(memberId, promoter, token, upstream, now);
        return { referred: true, outcome, targetType: token.targetType, targetId };
      } catch (error) {
        if (attempt >= 3 || !(error instanceof BindingRaced || isUniqueViolation(error))) throw error;
      }
    }
  }

  private decideAndBind(
    memberId: number,
    promoter: Promoter,
    token: ShareToken,
    upstream: number[],
    now: Date,
  ): Promise<BindingOutcome> {
    return this.transactions.run(async (manager) => {
      const current = await manager.getRepository(CustomerBinding).findOneBy({ memberId });
      const decision = decideBinding({
        visitorMemberId: memberId,
        current: current ? { promoterId: current.promoterId, protectedUntil: current.protectedUntil } : null,
        promoterId: promoter.id,
        promoterMemberId: promoter.memberId,
        upstreamMemberIds: upstream,
        now,
        policy: bindingPolicy(this.options, this.brand.rules()),
      });
      if (decision.changed && decision.next) {
        const written = await this.writeBinding(
          manager,
          memberId,
          current,
          decision.next,
          token.id,
          decision.outcome === 'EXTENDED',
          now,
        );
        if (!written) throw new BindingRaced();
      }
      await manager.getRepository(BindingEvent).insert({
        memberId,
        promoterId: promoter.id,
        previousPromoterId: current?.promoterId ?? null,
        outcome: decision.outcome,
        shareTokenId: token.id,
        protectedUntil: decision.next?.protectedUntil ?? null,
        createdAt: now,
      });
      return decision.outcome;
    });
  }

  private async writeBinding(
    manager: EntityManager,
    memberId: number,
    current: CustomerBinding | null,
    next: { promoterId: number; protectedUntil: Date },
    shareTokenId: number,
    extendOnly: boolean,
    now: Date,
  ): Promise<boolean> {
    const repo = manager.getRepository(CustomerBinding);
    if (!current) {
      await repo.insert({
        memberId,
        promoterId: next.promoterId,
        shareTokenId,
        boundAt: now,
        protectedUntil: next.protectedUntil,
      });
      return true;
    }
    // Conditional on what was read, so two visits at once cannot both rebind (the loser changes nothing).
    const result = await repo
      .createQueryBuilder()
      .update(CustomerBinding)
      .set(
        extendOnly
          ? { protectedUntil: next.protectedUntil }
          : { promoterId: next.promoterId, shareTokenId, boundAt: now, protectedUntil: next.protectedUntil },
      )
      .where('memberId = :memberId AND promoterId = :promoterId AND protectedUntil = :until', {
        memberId,
        promoterId: current.promoterId,
        until: current.protectedUntil,
      })
      .execute();
    return affectedRows(result) === 1;
  }

  /**
   * One row per visitor, token and store-zone day. A visitor is the member when logged in, else the phone's
   * anonymous visitor id (a random key when the client sent none). The member's first visit with a visitor id
   * takes over that phone's anonymous rows for the token, so the view before the silent login and the one after it
   * are one person (a day where the member already has a row drops the anonymous one).
   */
  private async countView(token: ShareToken, memberId: number | null, visitorId: string | null, now: Date) {
    const day = localCalendar(now, this.brand.timeZone()).date;
    const anonymousKey = visitorId ? `a${visitorId}` : null;
    if (memberId !== null && anonymousKey) await this.linkAnonymousViews(token.id, anonymousKey, memberId);
    const visitorKey = memberId === null ? (anonymousKey ?? `a${randomBytes(12).toString('hex')}`) : `m${memberId}`;
    try {
      await this.tokens.manager
        .createQueryBuilder()
        .insert()
        .into(ShareVisit)
        .values({ shareTokenId: token.id, visitorKey, day, memberId, createdAt: now })
        .orIgnore()
        .updateEntity(false)
        .execute();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  private async linkAnonymousViews(shareTokenId: number, anonymousKey: string, memberId: number): Promise<void> {
    const repo = this.tokens.manager.getRepository(ShareVisit);
    const anonymous = await repo.findBy({ shareTokenId, visitorKey: anonymousKey, memberId: IsNull() });
    for (const row of anonymous) {
      try {
        // Conditional on the row still being anonymous: two visits at once link it once.
        await repo
          .createQueryBuilder()
          .update(ShareVisit)
          .set({ visitorKey: `m${memberId}`, memberId })
          .where('id = :id AND memberId IS NULL', { id: row.id })
          .execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The member already has that day's row: the anonymous one was the same person's view.
        await repo.delete({ id: row.id, memberId: IsNull() });
      }
    }
  }

  async liveToken(raw: string): Promise<ShareToken | null> {
    if (typeof raw !== 'string' || !REFERRAL_TOKEN_PATTERN.test(raw)) return null;
    return this.tokens.findOneBy({ token: raw });
  }

  private async tokenFor(promoterId: number, target: ShareTarget): Promise<ShareToken> {
    const key = { promoterId, targetType: target.type, targetId: target.type === 'STORE' ? 0 : target.id };
    const existing = await this.tokens.findOneBy(key);
    if (existing) return existing;
    try {
      await this.tokens.insert({ ...key, token: randomToken(12), createdAt: this.clock.now() });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // made at the same moment by another request
    }
    return this.tokens.findOneByOrFail(key);
  }

  private async target(type: ShareTargetType, id: number): Promise<ShareTarget> {
    if (type === 'STORE') {
      return { type, id: 0, title: BRAND_TITLE, imageUrl: null, priceFen: null, listPriceFen: null };
    }
    if (!Number.isSafeInteger(id) || id < 1) throw new DomainException('SHARE_TARGET_NOT_FOUND');
    if (type === 'DROP') {
      // A drop's card shows its first item: the picture and the drop price against the list price.
      const card = await this.drops.card(id);
      if (!card) throw new DomainException('SHARE_TARGET_NOT_FOUND');
      const item = card.firstItem;
      return {
        type,
        id,
        title: card.title,
        imageUrl: item?.imageUrl || null,
        priceFen: item?.dropPriceFen ?? null,
        listPriceFen: item ? item.listPriceFen : null,
      };
    }
    const product = (await this.skus.productsById([id])).get(id);
    if (!product || product.status !== 'ON_SALE') throw new DomainException('SHARE_TARGET_NOT_FOUND');
    return {
      type,
      id,
      title: product.name,
      imageUrl: product.coverUrl || null,
      priceFen: product.priceFen,
      listPriceFen:
        product.originalPriceFen !== null && product.originalPriceFen > product.priceFen
          ? product.originalPriceFen
          : null,
    };
  }

  private async loadImage(token: string): Promise<Buffer> {
    const file = path.join(this.config.dataDir, 'wxacode', `r-${token}.png`);
    try {
      return await fs.readFile(file);
    } catch {
      // Not cached yet.
    }
    const image = await this.wechat.getUnlimitedQrCode({ scene: token, page: POSTER_PAGE, width: 430 });
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(`${file}.${process.pid}.tmp`, image);
      await fs.rename(`${file}.${process.pid}.tmp`, file);
    } catch (error) {
      this.logger.warn({ msg: 'poster code not cached', reason: (error as Error).message });
    }
    return image;
  }
}

/** The binding changed between reading and writing it: decide again. */
class BindingRaced extends Error {}
