import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  isBirthday,
  isMemberDay,
  localCalendar,
  maskPhone,
  type StoreMemberSummary,
  tierFor,
  type VoucherView,
} from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { cashierStoreId, type Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { CouponsService } from '../coupons';
import { MemberCodeService } from '../members';
import { MemberLoyaltyReader } from '../members';
import { MembersService } from '../members';
import { VouchersService } from '../members';
import { StoresService } from '../stores';
import { BrandSettings } from '../brand';
import { MemberCodeScan, type ScanResult } from './member-code-scan.entity';
import { ScanRateLimiter } from './scan-rate.limiter';

/** How long a cashier may act on the member after an accepted scan (redeem, record the purchase). */
const SCAN_SESSION_MS = 10 * 60_000;

/**
 * Store mode (门店模式): a cashier scans a member code and acts on that member. Every scan is recorded with
 * who, where, when and the outcome; an accepted scan is the session that later acts (redeeming a voucher,
 * a till purchase) must present, so a cashier can only act on a member who is at their till now.
 */
@Injectable()
export class StoreModeService {
  private readonly logger = new Logger(StoreModeService.name);

  constructor(
    @InjectRepository(MemberCodeScan) private readonly scans: Repository<MemberCodeScan>,
    private readonly stores: StoresService,
    private readonly codes: MemberCodeService,
    private readonly members: MembersService,
    private readonly vouchers: VouchersService,
    private readonly coupons: CouponsService,
    private readonly loyalty: MemberLoyaltyReader,
    private readonly limiter: ScanRateLimiter,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  async scan(cashier: Principal, code: string): Promise<StoreMemberSummary> {
    const storeId = cashierStoreId(cashier);
    await this.limiter.take(cashier.id);
    const now = this.clock.now();
    const verdict = await this.codes.verify(code);
    if (verdict.result !== 'valid') {
      await this.record(cashier, storeId, null, verdict.result === 'expired' ? 'EXPIRED' : 'INVALID');
      throw new DomainException(verdict.result === 'expired' ? 'MEMBER_CODE_EXPIRED' : 'MEMBER_CODE_INVALID');
    }
    const { member } = verdict;
    const row: Omit<MemberCodeScan, 'id'> = {
      memberId: member.id,
      storeId,
      staffId: cashier.id,
      result: 'ACCEPTED',
      // The same code (handle + time step) is accepted once, at whichever till is first.
      useKey: `${verdict.handle}:${verdict.step}`,
      scannedAt: now,
      expiresAt: new Date(now.getTime() + SCAN_SESSION_MS),
    };
    let scanId: number;
    try {
      const result = await this.scans.insert(row);
      scanId = Number((result.identifiers[0] as { id: number }).id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.record(cashier, storeId, member.id, 'USED');
      throw new DomainException('MEMBER_CODE_USED');
    }
    this.logger.log({ msg: 'member code accepted', scanId, storeId, staffId: cashier.id });
    return this.summary(scanId, row, member.id);
  }

  /** The member card again within an active scan: after a sale or a redemption the cashier sees the new numbers. */
  async refresh(cashier: Principal, scanId: number): Promise<StoreMemberSummary> {
    const scan = await this.activeScan(cashier, scanId);
    return this.summary(scan.id, scan, scan.memberId!);
  }

  /** Redeems one of the scanned member's vouchers at this cashier's store. */
  async redeemVoucher(cashier: Principal, voucherId: number, scanId: number): Promise<VoucherView> {
    const scan = await this.activeScan(cashier, scanId);
    const view = await this.vouchers.redeem({
      voucherId,
      memberId: scan.memberId!,
      storeId: scan.storeId,
      staffId: cashier.id,
      scanId: scan.id,
    });
    this.logger.log({ msg: 'voucher redeemed', voucherId, scanId, storeId: scan.storeId, staffId: cashier.id });
    return view;
  }

  /**
   * The accepted, unexpired scan behind a cashier's act. A scan made in another store is that store's
   * business (403); one that is unknown or refused is not found; an old one must be scanned again.
   */
  async activeScan(cashier: Principal, scanId: number): Promise<MemberCodeScan> {
    const storeId = cashierStoreId(cashier);
    const scan = await this.scans.findOneBy({ id: scanId });
    if (!scan || scan.result !== 'ACCEPTED' || scan.memberId === null) throw new DomainException('MEMBER_NOT_FOUND');
    if (scan.storeId !== storeId) throw new DomainException('FORBIDDEN');
    if (!scan.expiresAt || scan.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainException('SCAN_EXPIRED');
    }
    if (!(await this.members.findById(scan.memberId))) throw new DomainException('MEMBER_NOT_FOUND');
    return scan;
  }

  private async summary(
    scanId: number,
    scan: Omit<MemberCodeScan, 'id'>,
    memberId: number,
  ): Promise<StoreMemberSummary> {
    const [member, store, numbers, usable] = await Promise.all([
      this.members.findById(memberId),
      this.stores.requireById(scan.storeId),
      this.loyalty.numbers(memberId),
      this.usableHere(memberId),
    ]);
    if (!member) throw new DomainException('MEMBER_NOT_FOUND');
    const local = localCalendar(this.clock.now(), store.timeZone);
    const rules = this.brand.rules();
    const tier = tierFor(numbers.growth, rules.tierTable);
    return {
      scanId,
      scanExpiresAt: scan.expiresAt!.toISOString(),
      phoneMasked: maskPhone(member.phone),
      tier: { code: tier.code, name: tier.name },
      growth: numbers.growth,
      points: numbers.points,
      memberDayToday: isMemberDay(local.weekday, rules.memberDay),
      birthdayToday: isBirthday(member.birthday, local.monthDay, local.year),
      ...usable,
    };
  }

  /**
   * What the member can use at this till now: the one answer behind both the card's 可用券 count and the till's
   * coupon list (a coupon not started yet or expired is in neither).
   */
  async usableHere(memberId: number): Promise<Pick<StoreMemberSummary, 'vouchers' | 'coupons' | 'usableCount'>> {
    const [vouchers, coupons] = await Promise.all([
      this.vouchers.list(memberId, 'AVAILABLE'),
      this.coupons.usable(memberId),
    ]);
    return {
      vouchers,
      coupons: coupons.map((c) => c.view),
      usableCount: vouchers.length + coupons.length,
    };
  }

  private async record(cashier: Principal, storeId: number, memberId: number | null, result: ScanResult) {
    await this.scans.insert({
      memberId,
      storeId,
      staffId: cashier.id,
      result,
      useKey: null,
      scannedAt: this.clock.now(),
      expiresAt: null,
    });
    this.logger.warn({ msg: 'member code refused', result, storeId, staffId: cashier.id });
  }
}
