import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxHandled } from './outbox-handled.entity';
import { OutboxService } from './outbox.service';

/** Domain events written with the change they announce, then delivered to idempotent consumers. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEvent, OutboxHandled])],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
