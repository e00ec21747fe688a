import type { GiftFulfilment } from '@tidepool/shared';
import type { EntityManager } from 'typeorm';
import { Gift } from '../points-mall/gift.entity';

/**
 * The demo points mall (积分商城): a few gifts across the price range, some nearly gone, one sold out, so the
 * mall page shows every state. Images are SVGs under server/assets/demo/gifts, rendered from this list by
 * scripts/render-demo-images.mjs.
 */
export type DemoGiftArt = 'tote' | 'mug' | 'candle' | 'bear' | 'cable' | 'cookie';

export interface DemoGift {
  key: string;
  name: string;
  description: string;
  art: DemoGiftArt;
  color: string;
  pointsPrice: number;
  stock: number;
  fulfilments: GiftFulfilment[];
}

export const DEMO_GIFTS: DemoGift[] = [
  {
    key: 'tote-bag',
    name: '潮汐帆布托特包',
    description: '加厚帆布，印有潮汐生活标志，到店出示提货码即可领取。',
    art: 'tote',
    color: '#d6c7a1',
    pointsPrice: 300,
    stock: 200,
    fulfilments: ['PICKUP'],
  },
  {
    key: 'mug',
    name: '会员限定马克杯',
    description: '哑光釉面陶瓷杯，350ml，会员专属配色。可到店自提，也可快递到家。',
    art: 'mug',
    color: '#e3c9a8',
    pointsPrice: 800,
    stock: 60,
    fulfilments: ['PICKUP', 'SHIP'],
  },
  {
    key: 'candle-mini',
    name: '香薰蜡烛旅行装',
    description: '海盐鼠尾草香型，约12小时燃烧，小巧便携。',
    art: 'candle',
    color: '#7fb5c9',
    pointsPrice: 500,
    stock: 5,
    fulfilments: ['PICKUP'],
  },
  {
    key: 'bear-charm',
    name: '小熊公仔挂件（限量）',
    description: '限量款软萌小熊挂件，数量有限，兑完即止。',
    art: 'bear',
    color: '#d9a066',
    pointsPrice: 1200,
    stock: 3,
    fulfilments: ['PICKUP', 'SHIP'],
  },
  {
    key: 'cable',
    name: '编织快充数据线',
    description: '1米 Type-C 编织线，支持60W快充，快递到家。',
    art: 'cable',
    color: '#8e9aaf',
    pointsPrice: 600,
    stock: 80,
    fulfilments: ['SHIP'],
  },
  {
    key: 'cookie-box',
    name: '黄油曲奇礼盒',
    description: '节日限定曲奇礼盒，本期已兑完，敬请期待补货。',
    art: 'cookie',
    color: '#e6b86a',
    pointsPrice: 1500,
    stock: 0,
    fulfilments: ['PICKUP'],
  },
];

export function demoGiftImage(key: string): string {
  return `/static/demo/gifts/${key}.svg`;
}

/** Inside the demo seed's transaction. */
export async function seedDemoGifts(manager: EntityManager, now: Date): Promise<number> {
  await manager.insert(
    Gift,
    DEMO_GIFTS.map((gift, index) => ({
      name: gift.name,
      description: gift.description,
      imageUrl: demoGiftImage(gift.key),
      pointsPrice: gift.pointsPrice,
      stock: gift.stock,
      fulfilments: gift.fulfilments,
      active: true,
      sort: index * 10,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return DEMO_GIFTS.length;
}
