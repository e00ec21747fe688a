import type { EntityManager } from 'typeorm';
import { CustomerBinding, Promoter, PromoterAccount } from '../distribution/distribution.entities';
import { Member } from '../members/member.entity';
import { Order } from '../orders/order.entity';
import { TillTransaction } from '../pos/till-transaction.entity';

const DAY_MS = 86_400_000;

/**
 * A demo member's purchase history: each purchase as days before now, with where it was made. The shapes are
 * chosen so that the lifecycle page (生命周期) has members in every stage and in every level a signed-up member can
 * reach (a PROSPECT has not signed up, so has no facts row).
 */
interface DemoShopper {
  /** Days ago of each purchase; 'T' a till sale, 'O' an online pickup order, 'D' a drop order. */
  purchases: [number, 'T' | 'O' | 'D'][];
  birthday?: string;
}

const SHOPPERS: DemoShopper[] = [
  // INTRODUCTION / FAN: signed up, never bought.
  { purchases: [] },
  { purchases: [], birthday: '03-08' },
  { purchases: [] },
  // GROWTH / CUSTOMER: in the golden window, or one purchase a while ago.
  { purchases: [[3, 'T']] },
  { purchases: [[9, 'O']], birthday: '07-21' },
  { purchases: [[40, 'T']] },
  { purchases: [[75, 'D']] },
  // GROWTH / REGULAR: two or three purchases, recent and on rhythm.
  {
    purchases: [
      [60, 'T'],
      [20, 'T'],
      [2, 'O'],
    ],
  },
  // MATURITY / REGULAR: frequent and recent.
  {
    purchases: [
      [150, 'T'],
      [110, 'T'],
      [80, 'O'],
      [50, 'T'],
      [21, 'D'],
      [4, 'T'],
    ],
    birthday: '11-02',
  },
  {
    purchases: [
      [100, 'O'],
      [70, 'T'],
      [45, 'T'],
      [25, 'T'],
      [8, 'T'],
    ],
  },
  {
    purchases: [
      [300, 'T'],
      [200, 'D'],
      [90, 'T'],
      [60, 'T'],
      [30, 'O'],
      [12, 'T'],
      [1, 'T'],
    ],
  },
  // DECLINE / REGULAR: bought often, then stopped.
  {
    purchases: [
      [180, 'T'],
      [140, 'T'],
      [100, 'O'],
      [70, 'T'],
      [45, 'T'],
    ],
  },
  {
    purchases: [
      [120, 'O'],
      [90, 'T'],
      [60, 'T'],
    ],
    birthday: '05-30',
  },
  {
    purchases: [
      [40, 'T'],
      [35, 'T'],
      [30, 'T'],
      [20, 'T'],
    ],
  },
  // CHURNED: nothing for more than 120 days.
  {
    purchases: [
      [320, 'T'],
      [200, 'T'],
    ],
  },
  {
    purchases: [
      [400, 'O'],
      [250, 'T'],
    ],
  },
  { purchases: [[500, 'T']] },
];

/**
 * Demo shoppers with back-dated till sales and orders, and a promoter whose customer bought (an AMBASSADOR), for
 * the growth pages. Rows are written directly, as the rest of the demo seed is; the member facts are built by the
 * recompute job once the seed has committed. Returns the members created.
 */
export async function seedDemoGrowth(manager: EntityManager, now: Date, storeIds: number[]): Promise<number> {
  const at = (days: number) => new Date(now.getTime() - days * DAY_MS - 3 * 3_600_000);
  const memberIds: number[] = [];
  for (const [index, shopper] of SHOPPERS.entries()) {
    const joined = at(Math.max(30, ...shopper.purchases.map(([days]) => days)) + 1);
    const member = await manager.save(
      manager.create(Member, {
        openid: `demo-growth-${index + 1}`,
        phone: `1990000${String(index + 1).padStart(4, '0')}`,
        signedUpAt: joined,
        birthday: shopper.birthday ?? null,
        signupStoreId: storeIds[index % storeIds.length] ?? null,
        createdAt: joined,
        lastLoginAt: now,
      }),
    );
    memberIds.push(member.id);
    for (const [n, [days, channel]] of shopper.purchases.entries()) {
      const when = at(days);
      const storeId = storeIds[(index + n) % storeIds.length];
      const payableFen = 1800 + ((index * 7 + n * 13) % 20) * 450;
      if (channel === 'T') {
        await manager.insert(TillTransaction, {
          clientId: `demo-growth-${member.id}-${n}`,
          storeId,
          staffId: 0,
          scanId: 0,
          memberId: member.id,
          subtotalFen: payableFen,
          payableFen,
          paymentMethod: 'WECHAT_PAY',
          discounts: [],
          couponIds: [],
          items: [{ name: '门店饮品', quantity: 1, amountFen: payableFen }],
          ruleVersions: {},
          pointsAwarded: 0,
          growthAwarded: 0,
          status: 'COMPLETED',
          createdAt: when,
        });
      } else {
        await manager.insert(Order, {
          orderNo: `DG${member.id}X${n}`,
          memberId: member.id,
          clientKey: `${member.id}:demo-growth-${n}`,
          state: 'COMPLETED',
          subtotalFen: payableFen,
          totalDiscountFen: 0,
          payableFen,
          discounts: [],
          ruleVersions: {},
          couponIds: [],
          fulfilment: 'PICKUP',
          address: null,
          pickupStoreId: storeId,
          createdAt: when,
          reservationExpiresAt: new Date(when.getTime() + 15 * 60_000),
          prepayOpened: true,
          paidAt: when,
          fulfilledAt: when,
          completedAt: when,
          dropId: channel === 'D' ? 1 : null,
        });
      }
    }
  }
  // The first regular shopper promotes the brand; two buyers are bound to them, so they are an ambassador (大使).
  const promoterMemberId = memberIds[7];
  const promoter = await manager.save(
    manager.create(Promoter, {
      memberId: promoterMemberId,
      staffId: null,
      source: 'APPLICATION',
      status: 'APPROVED',
      displayName: '演示推手',
      inviteToken: `demo-growth-${promoterMemberId}`,
      appliedAt: at(90),
      approvedAt: at(89),
    }),
  );
  await manager.insert(PromoterAccount, { promoterId: promoter.id });
  for (const customer of [memberIds[3], memberIds[9]]) {
    await manager.insert(CustomerBinding, {
      memberId: customer,
      promoterId: promoter.id,
      shareTokenId: null,
      boundAt: at(60),
      protectedUntil: at(30),
    });
  }
  return memberIds.length;
}
