import { Injectable } from '@nestjs/common';
import {
  bestCouponChoice,
  type CheckoutCouponOption,
  type CheckoutLineInput,
  type Coupon,
  fen,
  isCouponApplicable,
  isMemberDay,
  localCalendar,
  type MemberContext,
  PricingError,
  quote,
  type QuoteLine,
  type QuoteResult,
  type TierCode,
} from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { type ProductView, type SkuView, SkusService } from '../catalog';
import { CouponsService } from '../coupons';
import { LoyaltyService } from '../loyalty';
import { MembersService } from '../members';
import { ACTIVE_PROMOTIONS } from './promotions';
import { BrandSettings, LoyaltyRules } from '../brand';

export interface PricedLine {
  sku: SkuView;
  product: ProductView;
  quantity: number;
}

export interface PricedCheckout {
  lines: PricedLine[];
  result: QuoteResult;
  couponIds: number[];
  suggestedCouponIds: number[];
  options: CheckoutCouponOption[];
  memberDay: boolean;
  points: number;
  tier: TierCode;
}

/**
 * Prices a basket for a member with the shared engine: current SKU prices, the member's tier and the member day
 * in the store zone, the chosen (or the best) coupons from the wallet. The checkout page and order creation call
 * the same method, so the member is charged exactly what was shown (or told PRICE_CHANGED).
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly skus: SkusService,
    private readonly coupons: CouponsService,
    private readonly loyalty: LoyaltyService,
    private readonly members: MembersService,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
    private readonly loyaltyRules: LoyaltyRules,
  ) {}

  async price(memberId: number, input: CheckoutLineInput[], couponIds?: number[]): Promise<PricedCheckout> {
    const member = await this.members.requireById(memberId);
    const lines = await this.resolveLines(input);
    const now = this.clock.now();
    // Online there is no till: the brand's own calendar decides the member day (and the birthday, in points).
    const local = localCalendar(now, this.brand.timeZone());
    const rules = this.brand.pricingRules();
    const { tier } = await this.loyalty.summary(memberId);
    // Member prices, coupons and points are for members: a WeChat visitor who has not signed up pays list price.
    const signedUp = member.signedUpAt !== null;
    const memberContext: MemberContext | null = signedUp ? { tier, localWeekday: local.weekday } : null;
    const quoteLines: QuoteLine[] = lines.map(({ sku, product, quantity }) => ({
      skuId: sku.id,
      productId: product.id,
      categoryId: product.categoryId,
      unitPriceFen: fen(sku.priceFen),
      quantity,
      promotionTags: product.promotionTags ?? [],
    }));
    const wallet = signedUp ? await this.coupons.usable(memberId) : [];
    const promotions = ACTIVE_PROMOTIONS;
    const best = bestCouponChoice(
      quoteLines,
      { member: memberContext, promotions, rules, now },
      wallet.map((w) => w.coupon),
    );
    const suggestedCouponIds = best.coupons.map((c) => c.id);
    const chosenIds = couponIds ?? suggestedCouponIds;
    const chosen: Coupon[] = await this.coupons.forQuote(memberId, chosenIds);
    let result: QuoteResult;
    try {
      result = quote({ lines: quoteLines, member: memberContext, promotions, coupons: chosen, rules });
    } catch (error) {
      if (error instanceof PricingError) throw new DomainException(error.code, error.message);
      throw error;
    }
    const options = wallet.map(({ coupon, view }): CheckoutCouponOption => {
      const check = isCouponApplicable(coupon, quoteLines, now, promotions);
      return check.applicable
        ? { coupon: view, usable: true, reason: null, shortfallFen: null }
        : { coupon: view, usable: false, reason: check.reason, shortfallFen: check.shortfallFen };
    });
    const earning = this.loyaltyRules.pointsForPurchase({
      paidFen: result.payableFen,
      tier,
      birthday: member.birthday,
      at: now,
    });
    return {
      lines,
      result,
      couponIds: chosenIds,
      suggestedCouponIds,
      options,
      memberDay: signedUp && isMemberDay(local.weekday, rules.memberDay),
      points: signedUp ? earning.points : 0,
      tier,
    };
  }

  /** Current SKUs and products for the requested lines; duplicates are merged; off-shelf or unknown refused. */
  private async resolveLines(input: CheckoutLineInput[]): Promise<PricedLine[]> {
    const quantities = new Map<number, number>();
    for (const { skuId, quantity } of input) quantities.set(skuId, (quantities.get(skuId) ?? 0) + quantity);
    const skus = await this.skus.withProducts([...quantities.keys()]);
    return [...quantities].map(([skuId, quantity]) => {
      const sku = skus.get(skuId);
      const product = sku?.product;
      if (!sku || !product) throw new DomainException('SKU_NOT_FOUND', `商品规格不存在：${skuId}`);
      if (product.status !== 'ON_SALE') throw new DomainException('PRODUCT_OFF_SHELF', `「${product.name}」已下架`);
      if (quantity > 99) throw new DomainException('VALIDATION_FAILED', '单个商品最多购买 99 件');
      return { sku, product, quantity };
    });
  }
}

export function specText(specs: Record<string, string>): string {
  return Object.values(specs).join(' / ');
}
