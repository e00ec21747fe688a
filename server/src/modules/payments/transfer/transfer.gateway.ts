/**
 * Paying a promoter's withdrawal into their WeChat change (商家转账到零钱, the transfer-bills API of WeChat Pay v3).
 * `outBillNo` is ours and derived from the withdrawal, so asking again with the same one never pays twice: WeChat
 * answers the existing bill. Errors: DomainException PAYMENT_UNAVAILABLE (try again later with the same
 * outBillNo) or PAYMENT_REJECTED (our request or configuration is wrong).
 */
export interface TransferRequest {
  /** 5-32 of [0-9A-Za-z]; the idempotency key. */
  outBillNo: string;
  openid: string;
  amountFen: number;
  /** Shown to the payee (≤ 32 characters). */
  remark: string;
}

/**
 * WeChat's bill states. SUCCESS and FAIL/CANCELLED are final; WAIT_USER_CONFIRM means the payee must confirm in
 * the mini program with `packageInfo` (wx.requestMerchantTransfer); the others are on their way.
 */
export type TransferState =
  'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED';

export const FINAL_FAILURES: readonly TransferState[] = ['FAIL', 'CANCELLED'];

export interface TransferBill {
  outBillNo: string;
  transferBillNo: string | null;
  state: TransferState;
  amountFen: number;
  failReason: string | null;
  packageInfo: string | null;
}

export abstract class TransferGateway {
  abstract transfer(request: TransferRequest): Promise<TransferBill>;
  /** The bill for `outBillNo`, or null when WeChat never saw it. */
  abstract query(outBillNo: string): Promise<TransferBill | null>;
}

export const OUT_BILL_NO = /^[0-9A-Za-z]{5,32}$/;
