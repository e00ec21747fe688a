import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members';
import { WechatModule } from '../wechat';
import { AdminMessagesController } from './admin-messages.controller';
import { MessageConsentsController } from './message-consents.controller';
import { MessageConsentsService } from './message-consents.service';
import { MessageSender } from './message-sender.service';
import { MessageTemplates } from './message-templates';
import { MESSAGES_ENTITIES } from './messages.entities';
import { MessagesAdminService } from './messages-admin.service';
import { MessagesService } from './messages.service';

/**
 * Subscribe messages (订阅消息): the member's consent ledger, and the sender other modules reach through
 * `MessagesService.request` (the `message.requested` event) with its weekly cap and quiet hours.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...MESSAGES_ENTITIES]), MembersModule, WechatModule],
  controllers: [MessageConsentsController, AdminMessagesController],
  providers: [MessageTemplates, MessageConsentsService, MessageSender, MessagesService, MessagesAdminService],
  exports: [MessagesService],
})
export class MessagesModule {}
