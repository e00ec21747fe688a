import { Injectable } from '@nestjs/common';
import type { AdminOrderTimelineEntry } from '@tidepool/shared';

/** Timeline entries another module knows about an order (after-sales), read for the console's order detail. */
export type OrderTimelineSource = (orderId: number) => Promise<AdminOrderTimelineEntry[]>;

/**
 * Modules that follow orders (after-sales imports orders, so orders cannot import it back) register what they
 * add to an order's timeline here; the orders module merges it with the order's own moves.
 */
@Injectable()
export class OrderTimelineSources {
  private readonly sources: OrderTimelineSource[] = [];

  register(source: OrderTimelineSource): void {
    this.sources.push(source);
  }

  async entriesOf(orderId: number): Promise<AdminOrderTimelineEntry[]> {
    return (await Promise.all(this.sources.map((source) => source(orderId)))).flat();
  }
}
