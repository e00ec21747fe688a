import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { type Actor, signedUpMember } from '../support/actors';
import type { TestApp } from '../support/test-app';
import { unique, uniquePhone } from './unique';

export type MemberActor = Actor & { id: number };

export interface MemberOptions {
  /** Names the WeChat login (`dev-<name>`); unique by default. */
  name?: string;
  birthday?: string;
  signupToken?: string;
  /** Growth to start with (puts the member in its tier), added through the loyalty ledger. */
  growth?: number;
}

/** A signed-up member of its own (unique WeChat login and phone). */
export async function createMember(t: TestApp, options: MemberOptions = {}): Promise<MemberActor> {
  const name = options.name ?? unique('member');
  const extra = {
    ...(options.birthday ? { birthday: options.birthday } : {}),
    ...(options.signupToken ? { signupToken: options.signupToken } : {}),
  };
  const actor = await signedUpMember(t, name, uniquePhone(), extra);
  const id = (await t.inject({ method: 'GET', url: '/api/me', headers: actor.headers })).json<{ id: number }>().id;
  if (options.growth) {
    await t.app.get(LoyaltyService).addGrowth(id, {
      sourceType: 'factory',
      sourceId: unique('growth'),
      growth: options.growth,
      reason: '测试成长值',
    });
  }
  return { ...actor, id };
}
