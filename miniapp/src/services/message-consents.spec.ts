import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageConsentView } from '@tidepool/shared';
import { json, requestCalls as calls, storage, taro } from '@/test-support/fake-taro';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import { useAppStore } from '@/stores';
import {
  consentRows,
  getMessageConsents,
  reportSubscribeAnswer,
  splitSubscribeAnswer,
  withdrawConfirmText,
  withdrawMessageConsents,
} from './message-consents';

const view = (over: Partial<MessageConsentView>): MessageConsentView => ({
  templateKey: 'dropReminder',
  templateId: 'tpl-drop',
  templateName: '团购开抢提醒',
  unspent: 2,
  lastGrantedAt: '2026-12-02T04:00:00.000Z',
  ...over,
});

describe('privacy page: the consent list', () => {
  it('names each template in Chinese with the sends left, and offers 撤回 only while some are left', () => {
    const rows = consentRows([
      view({}),
      view({ templateKey: 'orderShipped', templateId: 'tpl-ship', templateName: '订单发货通知', unspent: 0 }),
    ]);
    expect(rows).toEqual([
      { templateId: 'tpl-drop', name: '团购开抢提醒', left: '还可发送 2 次', canWithdraw: true },
      { templateId: 'tpl-ship', name: '订单发货通知', left: '无剩余', canWithdraw: false },
    ]);
    expect(consentRows([])).toEqual([]);
  });

  it('says what a withdrawal drops before the member confirms', () => {
    const [row] = consentRows([view({ unspent: 3 })]);
    expect(withdrawConfirmText(row)).toBe(
      '撤回后，我们将不再向你发送「团购开抢提醒」（剩余 3 次全部作废）。确定撤回吗？',
    );
  });
});

describe('the subscribe dialog answer', () => {
  it('splits accepted from declined; filtered and unasked ids are neither', () => {
    const answer = {
      errMsg: 'requestSubscribeMessage:ok',
      a: 'accept',
      b: 'reject',
      c: 'ban',
      d: 'filter',
      x: 'accept',
    };
    expect(splitSubscribeAnswer(['a', 'b', 'c', 'd'], answer)).toEqual({ accepted: ['a'], rejected: ['b', 'c'] });
    expect(splitSubscribeAnswer(['a'], null)).toEqual({ accepted: [], rejected: [] });
  });
});

describe('message consents API', () => {
  beforeEach(() => {
    storage.clear();
    taro.request.mockReset();
    useAppStore.getState().setSession('member', { token: 'tok', role: 'member', storeId: null, displayName: null });
  });

  it('reads the list and withdraws a template as the member', async () => {
    taro.request.mockResolvedValue(json(200, { items: [view({})] }));
    expect(consentRows((await getMessageConsents()).items)[0].left).toBe('还可发送 2 次');
    await withdrawMessageConsents('tpl-drop');
    expect(calls().map((c) => [c.method ?? 'GET', c.url, c.data])).toEqual([
      ['GET', '/api/me/message-consents', undefined],
      ['POST', '/api/me/message-consents/withdraw', { templateId: 'tpl-drop' }],
    ]);
    expect(calls()[1].header.Authorization).toBe('Bearer tok');
  });

  it('reports a dialog answer with the page that asked, and nothing when the member was not asked', async () => {
    taro.request.mockResolvedValue(json(200, { items: [] }));
    reportSubscribeAnswer(['a', 'b'], { a: 'accept', b: 'reject' }, 'packages/drop/pages/detail/index');
    reportSubscribeAnswer(['a'], { a: 'filter' }, 'x');
    await vi.waitFor(() => expect(calls()).toHaveLength(1));
    expect(calls()[0]).toMatchObject({
      url: '/api/me/message-consents',
      data: { accepted: ['a'], rejected: ['b'], sourcePage: 'packages/drop/pages/detail/index' },
    });
  });
});
