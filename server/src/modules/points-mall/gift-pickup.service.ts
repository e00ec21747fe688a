import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type GiftPickupResult, localCalendar, maskPhone, normalisePickupCode } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { MembersService } from '../members';
import { StoresService } from '../stores';
import { GiftRedemption } from './gift-redemption.entity';
import { GiftVoucher } from './gift-voucher.entity';

/**
 * A cashier hands over a redeemed gift (核销礼品): the pickup code is the credential, and one conditional UPDATE
 * (AVAILABLE → PICKED_UP, recording the cashier, the store and the time) decides, so two tills entering the same
 * code at the same instant hand it over once.
 */
@Injectable()
export class GiftPickupService {
  private readonly logger = new Logger('GiftPickups');

  constructor(
    @InjectRepository(GiftVoucher) private readonly vouchers: Repository<GiftVoucher>,
    @InjectRepository(GiftRedemption) private readonly redemptions: Repository<GiftRedemption>,
    private readonly stores: StoresService,
    private readonly members: MembersService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async pickUp(cashier: Principal, typed: string): Promise<GiftPickupResult> {
    if (cashier.role !== 'cashier' || cashier.storeId === null) throw new DomainException('FORBIDDEN');
    const storeId = cashier.storeId;
    const code = normalisePickupCode(typed);
    if (!code) throw new DomainException('GIFT_PICKUP_NOT_FOUND');
    const now = this.clock.now();
    const handedOver = await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(GiftVoucher)
        .set({ status: 'PICKED_UP', pickedUpAt: now, pickedUpStoreId: storeId, pickedUpByStaffId: cashier.id })
        .where('pickupCode = :code AND status = :available', { code, available: 'AVAILABLE' })
        .execute();
      return affectedRows(result) === 1;
    });
    const voucher = await this.vouchers.findOneBy({ pickupCode: code });
    if (!voucher) {
      this.logger.warn({ msg: 'unknown pickup code', storeId, staffId: cashier.id });
      throw new DomainException('GIFT_PICKUP_NOT_FOUND');
    }
    const store = await this.stores.findById(voucher.pickedUpStoreId ?? storeId);
    if (!handedOver) {
      const at = voucher.pickedUpAt && store ? localCalendar(voucher.pickedUpAt, store.timeZone) : null;
      throw new DomainException(
        'GIFT_ALREADY_PICKED_UP',
        at && store ? `该礼品已于 ${at.date} ${pad(at.hour)}:${pad(at.minute)} 在${store.name}核销领取` : undefined,
      );
    }
    const [redemption, member] = await Promise.all([
      this.redemptions.findOneByOrFail({ id: voucher.redemptionId }),
      this.members.findById(voucher.memberId),
    ]);
    this.logger.log({ msg: 'gift picked up', redemptionId: redemption.id, storeId, staffId: cashier.id });
    return {
      redemptionId: redemption.id,
      giftName: redemption.giftName,
      giftImageUrl: redemption.giftImageUrl,
      pickupCode: code,
      pickedUpAt: now.toISOString(),
      storeName: store?.name ?? '',
      memberPhoneMasked: maskPhone(member?.phone),
    };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
