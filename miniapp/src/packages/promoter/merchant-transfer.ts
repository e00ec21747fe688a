import type { WithdrawalView } from '@tidepool/shared';

/**
 * WeChat's newer transfer API (商家转账) asks the payee to confirm in WeChat: the server hands back
 * `merchantTransfer` and the mini program opens wx.requestMerchantTransfer with it. Taro has no wrapper for it,
 * so the WeChat global is called directly (absent on H5 and in old base libraries).
 */
export interface MerchantTransferOptions {
  mchId: string;
  appId: string;
  package: string;
  success?: () => void;
  fail?: (error: { errMsg?: string }) => void;
}

export interface MerchantTransferHost {
  requestMerchantTransfer?: (options: MerchantTransferOptions) => void;
}

declare const wx: MerchantTransferHost | undefined;

function wechat(): MerchantTransferHost | null {
  return typeof wx === 'undefined' ? null : wx;
}

export type ConfirmOutcome = 'confirmed' | 'cancelled' | 'unsupported' | 'failed';

/** Whether the withdrawal waits for the member to confirm receipt in WeChat. */
export function needsConfirmation(withdrawal: WithdrawalView): boolean {
  return withdrawal.status === 'PAYING' && withdrawal.merchantTransfer !== null;
}

/** Opens WeChat's 确认收款 sheet for a withdrawal that needs it. */
export function confirmTransfer(
  withdrawal: WithdrawalView,
  host: MerchantTransferHost | null = wechat(),
): Promise<ConfirmOutcome> {
  const params = withdrawal.merchantTransfer;
  if (!params) return Promise.resolve('confirmed');
  const request = host?.requestMerchantTransfer;
  if (!request) return Promise.resolve('unsupported');
  return new Promise((resolve) => {
    request({
      mchId: params.mchId,
      appId: params.appId,
      package: params.package,
      success: () => resolve('confirmed'),
      fail: (error) => resolve(/cancel/i.test(error?.errMsg ?? '') ? 'cancelled' : 'failed'),
    });
  });
}

export const CONFIRM_MESSAGES: Record<Exclude<ConfirmOutcome, 'confirmed'>, string> = {
  cancelled: '已取消确认收款，可在提现记录中再次确认',
  unsupported: '请升级微信后在提现记录中确认收款',
  failed: '确认收款未完成，请在提现记录中重试',
};
