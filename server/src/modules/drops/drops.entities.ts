import { DropItem } from './drop-item.entity';
import { DropMemberHold } from './drop-member-hold.entity';
import { DropReminder } from './drop-reminder.entity';
import { Drop } from './drop.entity';

export const DROP_ENTITIES = [Drop, DropItem, DropMemberHold, DropReminder];
