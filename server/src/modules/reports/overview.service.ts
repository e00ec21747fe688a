import { Injectable } from '@nestjs/common';
import {
  lastZonedDays,
  OVERVIEW_CHANNELS,
  type OverviewChannel,
  type OverviewChannelFigures,
  type OverviewDay,
  type OverviewFigures,
  type OverviewResponse,
  type OverviewStoreRow,
} from '@tidepool/shared';
import type { StoreScope } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { BrandSettings } from '../brand';
import { MembersService } from '../members';
import { OrderReadsService } from '../orders';
import { TillReadsService } from '../pos';
import { StoresService } from '../stores';

/** One grouped fact from any module, in the shape the dashboard adds up. */
interface Fact {
  bucket: number;
  storeId: number | null;
  channel: OverviewChannel | null;
  gmvFen: number;
  paidOrders: number;
  newMembers: number;
}

/**
 * The dashboard (概览). Owns no tables: orders, till sales and signups are counted by their own modules in SQL,
 * grouped by brand-zone day, store and channel; this service only adds the grouped rows up.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly orders: OrderReadsService,
    private readonly tills: TillReadsService,
    private readonly members: MembersService,
    private readonly stores: StoresService,
    private readonly brand: BrandSettings,
    private readonly clock: Clock,
  ) {}

  async overview(days: number, scope: StoreScope): Promise<OverviewResponse> {
    const timeZone = this.brand.timeZone();
    const buckets = lastZonedDays(this.clock.now(), days, timeZone);
    const [orders, sales, signups] = await Promise.all([
      this.orders.paidFigures(buckets, scope.storeId),
      this.tills.saleFigures(buckets, scope.storeId),
      this.members.signupFigures(buckets, scope.storeId),
    ]);
    const facts: Fact[] = [
      ...orders.map((o): Fact => ({
        bucket: o.bucket,
        storeId: o.storeId,
        channel: o.drop ? 'DROP' : 'ONLINE',
        gmvFen: o.gmvFen,
        paidOrders: o.orders,
        newMembers: 0,
      })),
      ...sales.map((s): Fact => ({
        bucket: s.bucket,
        storeId: s.storeId,
        channel: 'TILL' as const,
        gmvFen: s.gmvFen,
        paidOrders: s.sales,
        newMembers: 0,
      })),
      ...signups.map((m): Fact => ({
        bucket: m.bucket,
        storeId: m.storeId,
        channel: null,
        gmvFen: 0,
        paidOrders: 0,
        newMembers: m.members,
      })),
    ];
    const series: OverviewDay[] = buckets.map((b, index) => {
      const day = facts.filter((f) => f.bucket === index);
      return { day: b.day, ...figures(day), channels: channelFigures(day) };
    });
    return {
      timeZone,
      days,
      today: figures(facts.filter((f) => f.bucket === buckets.length - 1)),
      period: figures(facts),
      series,
      channels: channelFigures(facts),
      stores: await this.storeRows(facts),
      storeId: scope.storeId,
    };
  }

  private async storeRows(facts: Fact[]): Promise<OverviewStoreRow[]> {
    const ids = [...new Set(facts.map((f) => f.storeId))];
    const names = await this.stores.namesById(ids.filter((id): id is number => id !== null));
    return ids
      .map((storeId) => {
        const mine = figures(facts.filter((f) => f.storeId === storeId));
        return {
          storeId,
          storeName: storeId === null ? '线上（快递配送）' : (names.get(storeId) ?? `门店 #${storeId}`),
          gmvFen: mine.gmvFen,
          paidOrders: mine.paidOrders,
          newMembers: mine.newMembers,
        };
      })
      .sort((a, b) => b.gmvFen - a.gmvFen || (a.storeId ?? 0) - (b.storeId ?? 0));
  }
}

function figures(facts: Fact[]): OverviewFigures {
  const gmvFen = sum(facts, 'gmvFen');
  const paidOrders = sum(facts, 'paidOrders');
  return {
    gmvFen,
    paidOrders,
    avgOrderFen: paidOrders === 0 ? 0 : Math.round(gmvFen / paidOrders),
    newMembers: sum(facts, 'newMembers'),
  };
}

function channelFigures(facts: Fact[]): OverviewChannelFigures[] {
  return OVERVIEW_CHANNELS.map((channel) => {
    const mine = facts.filter((f) => f.channel === channel);
    return { channel, gmvFen: sum(mine, 'gmvFen'), paidOrders: sum(mine, 'paidOrders') };
  });
}

function sum(facts: Fact[], key: 'gmvFen' | 'paidOrders' | 'newMembers'): number {
  return facts.reduce((total, f) => total + f[key], 0);
}
