import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SignupGiftRule, VoucherStatus, VoucherView } from '@tidepool/shared';
import { type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { StoresService } from '../stores';
import { MemberVoucher } from './voucher.entity';

export interface Redemption {
  voucherId: number;
  memberId: number;
  storeId: number;
  staffId: number;
  scanId: number;
}

/** Goods vouchers in members' wallets: issued idempotently, redeemed once at a till. */
@Injectable()
export class VouchersService {
  constructor(
    @InjectRepository(MemberVoucher) private readonly vouchers: Repository<MemberVoucher>,
    private readonly stores: StoresService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside the signup transaction, as the brand rules in force at signup describe the gift (品牌规则 → 入会礼);
   * the unique source key makes a retried signup issue nothing more.
   */
  async issueSignupGift(manager: EntityManager, memberId: number, gift: SignupGiftRule): Promise<void> {
    const now = this.clock.now();
    await manager
      .createQueryBuilder()
      .insert()
      .into(MemberVoucher)
      .values({
        memberId,
        kind: 'SIGNUP_GIFT',
        title: gift.title,
        description: gift.description,
        sourceKey: `signup-gift:${memberId}`,
        status: 'AVAILABLE',
        issuedAt: now,
        expiresAt: new Date(now.getTime() + gift.validDays * 86_400_000),
        redeemedAt: null,
        redeemedStoreId: null,
        redeemedByStaffId: null,
        redeemedScanId: null,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** A member's vouchers by status; "expired" is decided by the clock, not only by a stored status. */
  async list(memberId: number, status?: VoucherStatus): Promise<VoucherView[]> {
    const rows = await this.vouchers.find({ where: { memberId }, order: { issuedAt: 'DESC', id: 'DESC' } });
    const views = await this.toViews(rows);
    return status ? views.filter((v) => v.status === status) : views;
  }

  async countAvailable(memberId: number): Promise<number> {
    return (await this.list(memberId, 'AVAILABLE')).length;
  }

  /**
   * Redeems a voucher for the member of a scan. One conditional UPDATE (AVAILABLE and not expired → REDEEMED)
   * decides; a second till redeeming the same voucher at the same instant changes nothing and is told why.
   */
  async redeem(redemption: Redemption): Promise<VoucherView> {
    const now = this.clock.now();
    const { voucherId, memberId } = redemption;
    const done = await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(MemberVoucher)
        .set({
          status: 'REDEEMED',
          redeemedAt: now,
          redeemedStoreId: redemption.storeId,
          redeemedByStaffId: redemption.staffId,
          redeemedScanId: redemption.scanId,
        })
        .where('id = :voucherId AND memberId = :memberId AND status = :available', {
          voucherId,
          memberId,
          available: 'AVAILABLE',
        })
        .andWhere('(expiresAt IS NULL OR expiresAt > :now)', { now })
        .execute();
      return affectedRows(result) === 1;
    });
    const row = await this.vouchers.findOneBy({ id: voucherId, memberId });
    // Another member's voucher is "not found", never "someone else's".
    if (!row) throw new DomainException('VOUCHER_NOT_FOUND');
    const [view] = await this.toViews([row]);
    if (done) return view;
    if (view.status === 'REDEEMED') throw new DomainException('VOUCHER_ALREADY_REDEEMED');
    throw new DomainException('VOUCHER_EXPIRED');
  }

  /** For the personal-data export and account deletion: every voucher of the member. */
  all(memberId: number): Promise<VoucherView[]> {
    return this.list(memberId);
  }

  private async toViews(rows: MemberVoucher[]): Promise<VoucherView[]> {
    const now = this.clock.now().getTime();
    const storeIds = [...new Set(rows.map((r) => r.redeemedStoreId).filter((id): id is number => id !== null))];
    const storeName = await this.stores.namesById(storeIds);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status === 'AVAILABLE' && r.expiresAt && r.expiresAt.getTime() <= now ? 'EXPIRED' : r.status,
      issuedAt: r.issuedAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      redeemedAt: r.redeemedAt?.toISOString() ?? null,
      redeemedStoreName: r.redeemedStoreId === null ? null : (storeName.get(r.redeemedStoreId) ?? null),
    }));
  }
}
