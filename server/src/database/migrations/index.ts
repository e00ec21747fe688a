import { DistributionProductsFollowBrandRates1796324941867 } from './1796324941867-DistributionProductsFollowBrandRates';
import { MemberDeletionRequests1796324350149 } from './1796324350149-MemberDeletionRequests';
import { Campaigns1796324292045 } from './1796324292045-Campaigns';
import { MessagesConsentLedgerAndSends1796324536254 } from './1796324536254-MessagesConsentLedgerAndSends';
import { SegmentsAndWinBack1796324584731 } from './1796324584731-SegmentsAndWinBack';
import { MemberFacts1796323933480 } from './1796323933480-MemberFacts';
import { ConsoleOrders1796315300000 } from './1796315300000-ConsoleOrders';
import { BrandRuleVersions1796315182951 } from './1796315182951-BrandRuleVersions';
import { ConsoleDropsAndGifts1796314159073 } from './1796314159073-ConsoleDropsAndGifts';
import { ProductVersion1796314194449 } from './1796314194449-ProductVersion';
import { CouponTemplateConsole1796314357175 } from './1796314357175-CouponTemplateConsole';
import { StoreProfilesAndStaffDisabling1796314873308 } from './1796314873308-StoreProfilesAndStaffDisabling';
import { AuditTrailAndStoreManagers1796313520453 } from './1796313520453-AuditTrailAndStoreManagers';
import { TillPaymentMethod1796308887464 } from './1796308887464-TillPaymentMethod';
import { DomainEvents1796291000000 } from './1796291000000-DomainEvents';
import { AfterSales1796289600019 } from './1796289600019-AfterSales';
import { OrderFulfilment1796289949597 } from './1796289949597-OrderFulfilment';
import { AddressBookAndStorefront1796289760908 } from './1796289760908-AddressBookAndStorefront';
import { CouponCentre1796289877966 } from './1796289877966-CouponCentre';
import { Drops1795499396436 } from './1795499396436-Drops';
import { Distribution1795499769930 } from './1795499769930-Distribution';
import { PaymentRefunds1795493466118 } from './1795493466118-PaymentRefunds';
import { Orders1795491223376 } from './1795491223376-Orders';
import { PointsMall1795491148602 } from './1795491148602-PointsMall';
import { CartAndCatalogAdmin1795491425928 } from './1795491425928-CartAndCatalogAdmin';
import { StaffWechatBinding1795490776846 } from './1795490776846-StaffWechatBinding';
import { TillTransactions1795490518122 } from './1795490518122-TillTransactions';
import { Coupons1795490326364 } from './1795490326364-Coupons';
import { JobRuns1795489559465 } from './1795489559465-JobRuns';
import { Loyalty1795489557605 } from './1795489557605-Loyalty';
import { Membership1795489190233 } from './1795489190233-Membership';
import { Members1795487253697 } from './1795487253697-Members';
import { WechatAccessTokens1795487026548 } from './1795487026548-WechatAccessTokens';
import { Initial1795485369249 } from './1795485369249-Initial';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** Every MySQL migration in order. `pnpm --filter @tidepool/server migration:generate <Name>` appends here. */
export const MIGRATIONS: MigrationClass[] = [
  Initial1795485369249,
  WechatAccessTokens1795487026548,
  Members1795487253697,
  Membership1795489190233,
  Loyalty1795489557605,
  JobRuns1795489559465,
  Coupons1795490326364,
  TillTransactions1795490518122,
  StaffWechatBinding1795490776846,
  PointsMall1795491148602,
  Orders1795491223376,
  CartAndCatalogAdmin1795491425928,
  PaymentRefunds1795493466118,
  Drops1795499396436,
  Distribution1795499769930,
  AfterSales1796289600019,
  AddressBookAndStorefront1796289760908,
  CouponCentre1796289877966,
  OrderFulfilment1796289949597,
  DomainEvents1796291000000,
  TillPaymentMethod1796308887464,
  AuditTrailAndStoreManagers1796313520453,
  ConsoleDropsAndGifts1796314159073,
  ProductVersion1796314194449,
  CouponTemplateConsole1796314357175,
  StoreProfilesAndStaffDisabling1796314873308,
  BrandRuleVersions1796315182951,
  ConsoleOrders1796315300000,
  MemberFacts1796323933480,
  Campaigns1796324292045,
  MemberDeletionRequests1796324350149,
  MessagesConsentLedgerAndSends1796324536254,
  SegmentsAndWinBack1796324584731,
  DistributionProductsFollowBrandRates1796324941867,
];
