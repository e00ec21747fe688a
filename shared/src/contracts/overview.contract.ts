/** The dashboard (概览): GET /api/admin/overview?days=30. Days are calendar days in the brand's zone. */
export const OVERVIEW_CHANNELS = ['ONLINE', 'TILL', 'DROP'] as const;
/** ONLINE = mini-program orders outside drops, TILL = till sales in a store, DROP = orders placed in a drop. */
export type OverviewChannel = (typeof OVERVIEW_CHANNELS)[number];

export const OVERVIEW_CHANNEL_LABELS: Record<OverviewChannel, string> = {
  ONLINE: '线上商城',
  TILL: '门店收银',
  DROP: '团购',
};

export interface OverviewFigures {
  /** Paid amount in fen, before refunds. */
  gmvFen: number;
  paidOrders: number;
  /** gmvFen / paidOrders rounded to the fen; 0 without orders. */
  avgOrderFen: number;
  /** Members who signed up (a store manager: those who signed up with their store's code). */
  newMembers: number;
}

export interface OverviewChannelFigures {
  channel: OverviewChannel;
  gmvFen: number;
  paidOrders: number;
}

export interface OverviewDay extends OverviewFigures {
  /** YYYY-MM-DD in the brand's zone. */
  day: string;
  channels: OverviewChannelFigures[];
}

export interface OverviewStoreRow {
  /** null = online orders shipped to an address (no store). */
  storeId: number | null;
  storeName: string;
  gmvFen: number;
  paidOrders: number;
  newMembers: number;
}

export interface OverviewResponse {
  timeZone: string;
  /** The days the series covers, oldest first, ending today. */
  days: number;
  today: OverviewFigures;
  period: OverviewFigures;
  series: OverviewDay[];
  channels: OverviewChannelFigures[];
  stores: OverviewStoreRow[];
  /** The store a store manager's figures are confined to; null for the whole brand. */
  storeId: number | null;
}
