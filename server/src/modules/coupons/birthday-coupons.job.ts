import { Injectable, type OnModuleInit } from '@nestjs/common';
import { localCalendar, zonedMidnight } from '@tidepool/shared';
import { JobScheduler } from '../jobs';
import { MembersService } from '../members';
import { CouponsService } from './coupons.service';
import { BIRTHDAY_TEMPLATE } from './default-templates';

import { BrandSettings } from '../brand';

/** Issue shortly after local midnight. */
const DUE_AFTER_MINUTES = 10;
const BATCH = 500;

/**
 * Birthday perk: on a member's birthday (brand zone) the birthday-only ¥8 no-threshold coupon, once per member
 * per year. The job runs once per local date across replicas (JobRunner); even if two ran, the issue key
 * `birthday:<member>:<year>` is unique, so nobody gets two. A 02-29 birthday is celebrated on 02-28 in common years.
 */
@Injectable()
export class BirthdayCouponsJob implements OnModuleInit {
  constructor(
    private readonly members: MembersService,
    private readonly coupons: CouponsService,
    private readonly scheduler: JobScheduler,
    private readonly brand: BrandSettings,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'birthday-coupons',
      periodOf: (now) => {
        const local = localCalendar(now, this.brand.timeZone());
        return local.hour * 60 + local.minute >= DUE_AFTER_MINUTES ? local.date : null;
      },
      work: (now) => this.run(now),
    });
  }

  async run(now: Date): Promise<{ date: string; birthdays: number; issued: number }> {
    const zone = this.brand.timeZone();
    const local = localCalendar(now, zone);
    const leap = (local.year % 4 === 0 && local.year % 100 !== 0) || local.year % 400 === 0;
    const days = local.monthDay === '02-28' && !leap ? ['02-28', '02-29'] : [local.monthDay];
    const [y, m, d] = local.date.split('-').map(Number);
    const validFrom = zonedMidnight(y, m, d, zone);
    const template = await this.coupons.template(BIRTHDAY_TEMPLATE.code);
    let birthdays = 0;
    let issued = 0;
    for (const birthday of days) {
      for (let lastId = 0; ;) {
        const batch = await this.members.birthdayMemberIds(birthday, lastId, BATCH);
        if (batch.length === 0) break;
        lastId = batch[batch.length - 1];
        birthdays += batch.length;
        const result = await this.coupons.issue(
          template,
          batch.map((memberId) => ({ memberId, issueKey: `birthday:${memberId}:${local.year}`, validFrom })),
        );
        issued += result.issued;
      }
    }
    return { date: local.date, birthdays, issued };
  }
}
