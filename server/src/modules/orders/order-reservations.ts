import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Units an order holds outside SKU stock (a weekly drop's allocation). The module that owns them registers a
 * holder; the orders module calls it inside its own transactions, so an order and its units change together:
 * released in the cancel transaction, sold in the payment transaction.
 */
export interface ReservationHolder {
  /** In the cancel transaction: give this order's units back. */
  release(manager: EntityManager, orderId: number): Promise<void>;
  /** In the payment transaction: this order's units are sold. */
  sell(manager: EntityManager, orderId: number): Promise<void>;
  /** After the cancel transaction committed (e.g. forget a cached "sold out"). */
  afterRelease?(orderId: number): void;
}

@Injectable()
export class OrderReservations {
  private readonly holders: ReservationHolder[] = [];

  register(holder: ReservationHolder): void {
    this.holders.push(holder);
  }

  async release(manager: EntityManager, orderId: number): Promise<void> {
    for (const holder of this.holders) await holder.release(manager, orderId);
  }

  async sell(manager: EntityManager, orderId: number): Promise<void> {
    for (const holder of this.holders) await holder.sell(manager, orderId);
  }

  afterRelease(orderId: number): void {
    for (const holder of this.holders) holder.afterRelease?.(orderId);
  }
}
