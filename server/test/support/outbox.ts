import { getDataSourceToken } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import type { TestApp } from './test-app';

/** Delivers every pending outbox event (and those their consumers publish), as the dispatcher would. */
export async function settleOutbox(t: TestApp): Promise<void> {
  const events = t.app.get<DataSource>(getDataSourceToken()).getRepository(OutboxEvent);
  for (let i = 0; i < 100; i++) {
    await t.app.get(OutboxService).dispatch();
    if ((await events.countBy({ processedAt: IsNull() })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('outbox did not settle');
}
