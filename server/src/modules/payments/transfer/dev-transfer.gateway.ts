import { randomBytes } from 'node:crypto';
import { DomainException } from '../../../common/errors/domain.exception';
import { OUT_BILL_NO, type TransferBill, TransferGateway, type TransferRequest } from './transfer.gateway';

export type DevTransferMode = 'SUCCEED' | 'FAIL';

/**
 * The development transfer gateway (demo and tests): pays at once, remembers every bill by outBillNo so a retry
 * answers the same bill and never pays twice, and can be told to fail (the "bank" refuses) or to be unreachable.
 */
export class DevTransferGateway extends TransferGateway {
  private readonly bills = new Map<string, TransferBill>();
  /** How many times money actually moved per outBillNo (tests assert ≤ 1). */
  readonly payouts = new Map<string, number>();
  mode: DevTransferMode = 'SUCCEED';
  /** The next n calls throw PAYMENT_UNAVAILABLE before anything happens (a network failure). */
  unavailableCalls = 0;

  transfer(request: TransferRequest): Promise<TransferBill> {
    if (!OUT_BILL_NO.test(request.outBillNo) || !Number.isSafeInteger(request.amountFen) || request.amountFen < 1) {
      return Promise.reject(new DomainException('PAYMENT_REJECTED'));
    }
    if (this.unavailableCalls > 0) {
      this.unavailableCalls--;
      return Promise.reject(new DomainException('PAYMENT_UNAVAILABLE'));
    }
    const existing = this.bills.get(request.outBillNo);
    if (existing) return Promise.resolve({ ...existing });
    const fail = this.mode === 'FAIL';
    const bill: TransferBill = {
      outBillNo: request.outBillNo,
      transferBillNo: `DEV${randomBytes(8).toString('hex')}`,
      state: fail ? 'FAIL' : 'SUCCESS',
      amountFen: request.amountFen,
      failReason: fail ? 'PAYEE_ACCOUNT_ABNORMAL' : null,
      packageInfo: null,
    };
    this.bills.set(request.outBillNo, bill);
    if (!fail) this.payouts.set(request.outBillNo, (this.payouts.get(request.outBillNo) ?? 0) + 1);
    return Promise.resolve({ ...bill });
  }

  query(outBillNo: string): Promise<TransferBill | null> {
    const bill = this.bills.get(outBillNo);
    return Promise.resolve(bill ? { ...bill } : null);
  }
}
