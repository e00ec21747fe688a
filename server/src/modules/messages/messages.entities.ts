import { MessageConsentEntry } from './message-consent-entry.entity';
import { MessageConsent } from './message-consent.entity';
import { MessageSend } from './message-send.entity';

/** The messages module's tables. */
export const MESSAGES_ENTITIES = [MessageConsent, MessageConsentEntry, MessageSend];
