import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Anonymises what a member gave another module, inside the account-deletion transaction. */
export type MemberDataEraser = (manager: EntityManager, memberId: number) => Promise<void>;

/** A member-code scan the member was identified by at a till, for the personal-data export. */
export interface MemberCodeScanRecord {
  at: Date;
  storeId: number;
}

/**
 * The modules that keep a member's data (orders, points mall, coupons, store mode) depend on this one, so this
 * module reaches their data only through the handlers they register here when the app starts: erasers for account
 * deletion, readers for the personal-data export and the member center.
 */
@Injectable()
export class MemberDataHooks {
  private readonly erasers = new Map<string, MemberDataEraser>();
  private scanReader: ((memberId: number) => Promise<MemberCodeScanRecord[]>) | null = null;
  private couponCounter: ((memberId: number) => Promise<number>) | null = null;

  /** Keyed by the owning module, so a second registration replaces the first instead of running twice. */
  onErase(owner: string, eraser: MemberDataEraser): void {
    this.erasers.set(owner, eraser);
  }

  readScansWith(reader: (memberId: number) => Promise<MemberCodeScanRecord[]>): void {
    this.scanReader = reader;
  }

  countCouponsWith(counter: (memberId: number) => Promise<number>): void {
    this.couponCounter = counter;
  }

  async erase(manager: EntityManager, memberId: number): Promise<void> {
    for (const eraser of this.erasers.values()) await eraser(manager, memberId);
  }

  /** Accepted scans, newest first; none when store mode is not part of the app. */
  scans(memberId: number): Promise<MemberCodeScanRecord[]> {
    return this.scanReader ? this.scanReader(memberId) : Promise.resolve([]);
  }

  /** Usable coupons in the member's wallet; none when the coupons module is not part of the app. */
  usableCoupons(memberId: number): Promise<number> {
    return this.couponCounter ? this.couponCounter(memberId) : Promise.resolve(0);
  }
}
