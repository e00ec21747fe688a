import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDataHooks } from '../members';
import { Order } from './order.entity';

/** Account deletion: the delivery addresses on the member's orders go; the orders stay for the books. */
@Injectable()
export class OrderMemberDataHook implements OnModuleInit {
  constructor(private readonly hooks: MemberDataHooks) {}

  onModuleInit(): void {
    this.hooks.onErase('orders', async (manager, memberId) => {
      await manager
        .createQueryBuilder()
        .update(Order)
        .set({ address: null })
        .where('memberId = :memberId', { memberId })
        .execute();
    });
  }
}
