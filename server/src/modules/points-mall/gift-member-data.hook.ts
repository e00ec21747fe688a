import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDataHooks } from '../members';
import { GiftRedemption } from './gift-redemption.entity';
import { GiftShipment } from './gift-shipment.entity';

/** Account deletion: the addresses on the member's redemptions and shipments go; the rows stay for the books. */
@Injectable()
export class GiftMemberDataHook implements OnModuleInit {
  constructor(private readonly hooks: MemberDataHooks) {}

  onModuleInit(): void {
    this.hooks.onErase('points-mall', async (manager, memberId) => {
      await manager
        .createQueryBuilder()
        .update(GiftRedemption)
        .set({ address: null })
        .where('memberId = :memberId', { memberId })
        .execute();
      await manager
        .createQueryBuilder()
        .update(GiftShipment)
        .set({ recipientName: '已注销', phone: '', region: '', detail: '' })
        .where('memberId = :memberId', { memberId })
        .execute();
    });
  }
}
