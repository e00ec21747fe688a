import type { WithdrawalView } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { confirmTransfer, needsConfirmation, type MerchantTransferOptions } from './merchant-transfer';

const withdrawal = (over: Partial<WithdrawalView> = {}): WithdrawalView => ({
  id: 1,
  clientRequestId: 'wd-abc-123456789012',
  amountFen: 1000,
  status: 'PAYING',
  failureReason: null,
  requestedAt: '2026-11-25T02:00:00.000Z',
  paidAt: null,
  transferBillNo: 'bill-1',
  packageInfo: 'pkg',
  merchantTransfer: { mchId: 'm1', appId: 'wxapp', package: 'pkg' },
  ...over,
});

function host(answer: 'success' | 'cancel' | 'fail') {
  const calls: MerchantTransferOptions[] = [];
  return {
    calls,
    requestMerchantTransfer: (options: MerchantTransferOptions) => {
      calls.push(options);
      if (answer === 'success') options.success?.();
      else
        options.fail?.({
          errMsg: answer === 'cancel' ? 'requestMerchantTransfer:fail cancel' : 'requestMerchantTransfer:fail',
        });
    },
  };
}

describe('merchant transfer confirmation', () => {
  it('is needed only while paying with confirmation params', () => {
    expect(needsConfirmation(withdrawal())).toBe(true);
    expect(needsConfirmation(withdrawal({ status: 'PAID' }))).toBe(false);
    expect(needsConfirmation(withdrawal({ merchantTransfer: null, packageInfo: null }))).toBe(false);
  });

  it('passes the server params to WeChat and tells success, cancel and failure apart', async () => {
    const ok = host('success');
    await expect(confirmTransfer(withdrawal(), ok)).resolves.toBe('confirmed');
    expect(ok.calls[0]).toMatchObject({ mchId: 'm1', appId: 'wxapp', package: 'pkg' });
    await expect(confirmTransfer(withdrawal(), host('cancel'))).resolves.toBe('cancelled');
    await expect(confirmTransfer(withdrawal(), host('fail'))).resolves.toBe('failed');
  });

  it('has nothing to do without params, and says when WeChat is too old (or on H5)', async () => {
    await expect(confirmTransfer(withdrawal({ merchantTransfer: null }), host('fail'))).resolves.toBe('confirmed');
    await expect(confirmTransfer(withdrawal(), {})).resolves.toBe('unsupported');
    await expect(confirmTransfer(withdrawal(), null)).resolves.toBe('unsupported');
  });
});
