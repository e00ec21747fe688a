import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@tidepool/shared';

export const CAMPAIGN_STATUS_BADGES: Record<
  CampaignStatus,
  { text: string; status: 'Success' | 'Default' | 'Warning' | 'Processing' }
> = {
  DRAFT: { text: CAMPAIGN_STATUS_LABELS.DRAFT, status: 'Processing' },
  ACTIVE: { text: CAMPAIGN_STATUS_LABELS.ACTIVE, status: 'Success' },
  PAUSED: { text: CAMPAIGN_STATUS_LABELS.PAUSED, status: 'Warning' },
  ENDED: { text: CAMPAIGN_STATUS_LABELS.ENDED, status: 'Default' },
};
