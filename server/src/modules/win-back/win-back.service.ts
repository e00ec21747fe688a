import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_GROWTH_RULES,
  type GrowthRules,
  inHoldout,
  localCalendar,
  type WinBackOutcome,
  type WinBackProgrammeView,
  winBackRate,
  type WinBackReportResponse,
  type WinBackRunResponse,
  type WinBackWaveReport,
  wonBackBy,
} from '@tidepool/shared';
import { In, IsNull, MoreThan, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { AuditLog } from '../audit';
import { BrandSettings } from '../brand';
import { CouponsService } from '../coupons';
import { JobScheduler } from '../jobs';
import { MEMBER_FACTS_ALIAS, MemberFactsReader } from '../member-facts';
import type { WinBackProgrammeDto } from './dto/win-back.requests';
import { WinBackCycle, WinBackProgramme } from './win-back.entities';

const DAY_MS = 86_400_000;
const PAGE = 500;
/** Runs after 03:00 brand time, once the night's member-facts check has settled the stages. */
const DUE_AFTER_MINUTES = 3 * 60;
const PROGRAMME_ID = 1;

/** The cycle (and holdout) key of members entering on a brand-zone date. */
export const winBackCycleKey = (localDate: string) => `win-back:${localDate}`;

/**
 * Win-back waves (流失挽回). Once a day: at-risk frequent members (member facts: orders365 ≥ frequentOrders and
 * stage DECLINE, the set-based form of shared isWinBackCandidate) with no open cycle enter wave 1; a
 * deterministic share (shared inHoldout on the cycle key) is held out and gets nothing; the rest get the wave-1
 * coupon. Members who have not bought wave2AfterDays after wave 1 get wave 2 (the held-out stay held out).
 *
 * "Returned" is computed set-based from member facts: each run, an open cycle whose member's lastPurchaseAt is at
 * or after wave 1 is closed with that instant. The run is daily, so when a member buys twice between two runs the
 * later purchase is the one recorded; that can only move a return across a measure-window end that falls between
 * those two purchases.
 *
 * Coupons go through CouponsService.issue with the key `win-back:<cycle>:<wave>`, and a cycle is marked issued only
 * after its coupons are in: a rerun, or a run after a crash between the two, issues nobody twice.
 */
@Injectable()
export class WinBackService implements OnModuleInit {
  constructor(
    @InjectRepository(WinBackProgramme) private readonly programmes: Repository<WinBackProgramme>,
    @InjectRepository(WinBackCycle) private readonly cycles: Repository<WinBackCycle>,
    private readonly facts: MemberFactsReader,
    private readonly coupons: CouponsService,
    private readonly scheduler: JobScheduler,
    private readonly brand: BrandSettings,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'win-back',
      periodOf: (now) => {
        const local = localCalendar(now, this.brand.timeZone());
        return local.hour * 60 + local.minute >= DUE_AFTER_MINUTES ? local.date : null;
      },
      work: async (now) => ({ ...(await this.run(now)) }),
    });
  }

  /** The growth rules of the brand-rules version in force (versions stored before they existed: the defaults). */
  growthRules(at: Date = this.clock.now()): GrowthRules {
    return this.brand.rules(at).growth ?? DEFAULT_GROWTH_RULES;
  }

  async programme(): Promise<WinBackProgrammeView> {
    const row = await this.programmes.findOneBy({ id: PROGRAMME_ID });
    return {
      enabled: row?.enabled ?? false,
      wave1TemplateCode: row?.wave1TemplateCode ?? null,
      wave2TemplateCode: row?.wave2TemplateCode ?? null,
      wave2AfterDays: row?.wave2AfterDays ?? 7,
      holdoutBp: row?.holdoutBp ?? this.growthRules().holdoutBp,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
    };
  }

  async saveProgramme(actor: Principal, body: WinBackProgrammeDto): Promise<WinBackProgrammeView> {
    // Named templates must exist (404 COUPON_TEMPLATE_NOT_FOUND otherwise), so the job never fails on a typo.
    for (const code of [body.wave1TemplateCode, body.wave2TemplateCode]) if (code) await this.coupons.template(code);
    const before = await this.programme();
    await this.transactions.run(async (manager) => {
      await manager.upsert(
        WinBackProgramme,
        {
          id: PROGRAMME_ID,
          enabled: body.enabled,
          wave1TemplateCode: body.wave1TemplateCode ?? null,
          wave2TemplateCode: body.wave2TemplateCode ?? null,
          wave2AfterDays: body.wave2AfterDays,
          holdoutBp: body.holdoutBp,
          updatedBy: actor.id,
          updatedAt: this.clock.now(),
        },
        ['id'],
      );
      const { updatedAt: _a, updatedBy: _b, ...was } = before;
      await this.audit.record({
        actor,
        action: 'win_back_programme.update',
        objectType: 'win_back_programme',
        objectId: PROGRAMME_ID,
        before: was,
        after: { ...body },
      });
    });
    return this.programme();
  }

  /** One daily run: record returns, enter new members, send wave 2, issue what is due. */
  async run(now: Date): Promise<WinBackRunResponse> {
    const date = localCalendar(now, this.brand.timeZone()).date;
    const returned = await this.recordReturns();
    const programme = await this.programme();
    const outcome: WinBackRunResponse = {
      date,
      entered: 0,
      heldOut: 0,
      returned,
      wave1Issued: 0,
      wave2Sent: 0,
      wave2Issued: 0,
    };
    if (!programme.enabled || !programme.wave1TemplateCode || !programme.wave2TemplateCode) return outcome;
    const entry = await this.enter(now, winBackCycleKey(date), programme.holdoutBp);
    outcome.entered = entry.entered;
    outcome.heldOut = entry.heldOut;
    outcome.wave2Sent = affectedRows(
      await this.cycles
        .createQueryBuilder()
        .update(WinBackCycle)
        .set({ wave2At: now })
        .where('returnedAt IS NULL AND wave2At IS NULL AND wave1At <= :cutoff', {
          cutoff: new Date(now.getTime() - programme.wave2AfterDays * DAY_MS),
        })
        .execute(),
    );
    outcome.wave1Issued = await this.issueDue(1, programme.wave1TemplateCode, now);
    outcome.wave2Issued = await this.issueDue(2, programme.wave2TemplateCode, now);
    return outcome;
  }

  /** Closes open cycles whose member has bought since wave 1 (see the class note); answers how many. */
  private async recordReturns(): Promise<number> {
    let closed = 0;
    for (let afterId = 0; ;) {
      const open = await this.cycles.find({
        select: { id: true, memberId: true, wave1At: true },
        where: { returnedAt: IsNull(), id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: PAGE,
      });
      if (open.length === 0) return closed;
      afterId = open[open.length - 1].id;
      const facts = await this.facts
        .audience()
        .select([`${MEMBER_FACTS_ALIAS}.memberId`, `${MEMBER_FACTS_ALIAS}.lastPurchaseAt`])
        .where(`${MEMBER_FACTS_ALIAS}.memberId IN (:...ids)`, { ids: open.map((c) => c.memberId) })
        .getMany();
      const last = new Map(facts.map((f) => [f.memberId, f.lastPurchaseAt]));
      for (const cycle of open) {
        const at = last.get(cycle.memberId);
        if (!at || at.getTime() < cycle.wave1At.getTime()) continue;
        const result = await this.cycles.update({ id: cycle.id, returnedAt: IsNull() }, { returnedAt: at });
        closed += affectedRows(result);
      }
    }
  }

  /** Enters the day's candidates without an open cycle, in member-id pages, each assigned treated or held out. */
  private async enter(now: Date, cycleKey: string, holdoutBp: number): Promise<{ entered: number; heldOut: number }> {
    const rules = this.growthRules();
    let entered = 0;
    let heldOut = 0;
    for (let afterId = 0; ;) {
      const open = this.cycles.createQueryBuilder('open').select('open.memberId').where('open.returnedAt IS NULL');
      const page = await this.facts
        .audience()
        .select(`${MEMBER_FACTS_ALIAS}.memberId`)
        .where(`${MEMBER_FACTS_ALIAS}.stage = 'DECLINE'`)
        .andWhere(`${MEMBER_FACTS_ALIAS}.orders365 >= :frequent`, { frequent: rules.frequentOrders })
        .andWhere(`${MEMBER_FACTS_ALIAS}.memberId > :afterId`, { afterId })
        .andWhere(`${MEMBER_FACTS_ALIAS}.memberId NOT IN (${open.getQuery()})`)
        .orderBy(`${MEMBER_FACTS_ALIAS}.memberId`, 'ASC')
        .take(PAGE)
        .getMany();
      if (page.length === 0) return { entered, heldOut };
      afterId = page[page.length - 1].memberId;
      const rows = page.map(({ memberId }) => ({
        memberId,
        cycleKey,
        treated: !inHoldout(memberId, cycleKey, holdoutBp),
        wave1At: now,
      }));
      // The unique (member, cycle key) index makes a second insert of the same day's entry a no-op.
      await this.cycles
        .createQueryBuilder()
        .insert()
        .into(WinBackCycle)
        .values(rows)
        .orIgnore()
        .updateEntity(false)
        .execute();
      entered += rows.length;
      heldOut += rows.filter((r) => !r.treated).length;
    }
  }

  /** Issues the wave's coupon to treated cycles not yet marked issued, then marks them; answers coupons issued. */
  private async issueDue(wave: 1 | 2, templateCode: string, now: Date): Promise<number> {
    const template = await this.coupons.template(templateCode);
    const sentAt = wave === 1 ? 'wave1At' : 'wave2At';
    const issuedAt = wave === 1 ? 'wave1IssuedAt' : 'wave2IssuedAt';
    let issued = 0;
    for (;;) {
      const due = await this.cycles
        .createQueryBuilder('c')
        .select(['c.id', 'c.memberId'])
        .where(`c.treated = :yes AND c.${sentAt} IS NOT NULL AND c.${issuedAt} IS NULL`, { yes: true })
        .orderBy('c.id', 'ASC')
        .take(PAGE)
        .getMany();
      if (due.length === 0) return issued;
      const result = await this.coupons.issue(
        template,
        due.map((c) => ({ memberId: c.memberId, issueKey: `win-back:${c.id}:${wave}` })),
      );
      issued += result.issued;
      await this.cycles.update({ id: In(due.map((c) => c.id)) }, { [issuedAt]: now });
    }
  }

  /** Per wave: treated and held-out members whose outcome is known, returned, rates, difference and 95% CI. */
  async report(now: Date = this.clock.now()): Promise<WinBackReportResponse> {
    const rules = this.growthRules();
    const rows = await this.cycles.find({
      select: { id: true, treated: true, wave1At: true, wave2At: true, returnedAt: true },
    });
    const wave = (n: 1 | 2): WinBackWaveReport => {
      const outcomes: WinBackOutcome[] = [];
      let pending = 0;
      for (const row of rows) {
        const sent = n === 1 ? row.wave1At : row.wave2At;
        if (!sent) continue;
        const returned = wonBackBy(sent, row.returnedAt, rules);
        // Not bought yet and the window still open: the outcome is not known, so the member is left out.
        if (
          !returned &&
          row.returnedAt === null &&
          now.getTime() <= sent.getTime() + rules.winBackMeasureDays * DAY_MS
        ) {
          pending += 1;
          continue;
        }
        outcomes.push({ treated: row.treated, returned });
      }
      return { wave: n, ...winBackRate(outcomes), pending };
    };
    return { measureDays: rules.winBackMeasureDays, waves: [wave(1), wave(2)] };
  }
}
