import { type ItemPromotion } from '@tidepool/shared';

/**
 * Item promotions running now (docs/domain.md: the "2 items 21% off" zone). Products join a zone through their
 * `promotionTags` (operator-editable). Versioned data: the version is recorded on every order that used it.
 * An operator-managed promotions table replaces this list when campaigns become configurable.
 */
export const ACTIVE_PROMOTIONS: readonly ItemPromotion[] = [
  {
    kind: 'MULTI_BUY',
    id: 'zone-2for79',
    version: 'zone-2for79/1',
    label: '2件79折',
    tag: 'zone-2for79',
    groupSize: 2,
    payRateBp: 7900,
  },
];

/** The demo catalogue's snacks form the 2件79折 zone. */
export const DEMO_ZONE_CATEGORY = 'snacks';
export const DEMO_ZONE_TAG = 'zone-2for79';
