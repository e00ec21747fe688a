import { Injectable } from '@nestjs/common';
import type { CouponTemplateFigures } from '@tidepool/shared';
import { CouponTemplatesAdminService } from '../coupons';
import { OrderReadsService } from '../orders';
import { TillReadsService } from '../pos';

/** Used coupons read per statement when adding up what their purchases paid. */
const PAGE = 1000;

/**
 * A template's figures: counts from the coupons module, and the GMV of the purchases that used its coupons
 * from the orders and pos modules, each summed in SQL over one page of ids at a time. (Orders depend on coupons,
 * so the coupons module cannot ask orders; this module, owning no tables, asks both.)
 */
@Injectable()
export class CouponFiguresService {
  constructor(
    private readonly templates: CouponTemplatesAdminService,
    private readonly orders: OrderReadsService,
    private readonly tills: TillReadsService,
  ) {}

  async figures(templateId: number): Promise<CouponTemplateFigures> {
    const usage = await this.templates.usage(templateId);
    // A purchase may use two coupons of one template (stackable): count it once.
    const seen = new Set<string>();
    let usedPurchases = 0;
    let gmvFen = 0;
    for (let after = 0; ;) {
      const page = await this.templates.usedByPage(templateId, after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      const fresh = page.map((p) => p.usedBy).filter((ref) => !seen.has(ref) && seen.add(ref));
      const ids = (prefix: string) =>
        fresh.filter((ref) => ref.startsWith(prefix)).map((ref) => Number(ref.slice(prefix.length)));
      const [orders, sales] = await Promise.all([
        this.orders.paidTotals(ids('order:')),
        this.tills.saleTotals(ids('till:')),
      ]);
      usedPurchases += orders.orders + sales.sales;
      gmvFen += orders.gmvFen + sales.gmvFen;
    }
    return { templateId, ...usage, usedPurchases, gmvFen };
  }
}
