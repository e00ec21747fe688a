import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type MemberSignedUpEvent, zonedMidnight } from '@tidepool/shared';
import { OutboxService } from '../outbox';
import { BrandSettings } from '../brand';
import { CouponsService } from './coupons.service';
import { BIRTHDAY_TEMPLATE } from './default-templates';

/**
 * The coupon half of the signup gifts: a member who joins on their birthday gets the birthday coupon at once (the
 * nightly birthday job ran before they were a member). Same issue key as the job, `birthday:<member>:<year>`, so
 * the job, a redelivered event and a second replica all issue it once.
 */
@Injectable()
export class SignupGiftConsumer implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly coupons: CouponsService,
    private readonly brand: BrandSettings,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('member.signed-up', 'coupons.signup-birthday-coupon', (event) => this.apply(event));
  }

  async apply(event: MemberSignedUpEvent): Promise<void> {
    if (!event.gifts.includes('BIRTHDAY_COUPON')) return;
    const [year, month, day] = event.localDate.split('-').map(Number);
    const template = await this.coupons.template(BIRTHDAY_TEMPLATE.code);
    await this.coupons.issue(template, [
      {
        memberId: event.memberId,
        issueKey: `birthday:${event.memberId}:${year}`,
        validFrom: zonedMidnight(year, month, day, this.brand.timeZone()),
      },
    ]);
  }
}
