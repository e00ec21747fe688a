import { isMainlandMobile, normaliseMobile } from '../members/phone';

/** The fields of a coupon template the rules below look at (the console's request and the server's DTO). */
export interface CouponTemplateTerms {
  kind: 'AMOUNT_OFF' | 'PERCENT';
  amountOffFen?: number | null;
  payRateBp?: number | null;
  maxDiscountFen?: number | null;
  thresholdFen: number;
  validDays?: number | null;
  validFrom?: string | null;
  validUntil?: string | null;
  claimPerMember?: number;
  claimTotal?: number | null;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * What is wrong with a template's terms, field by field, in plain Chinese: the server refuses with these (400
 * naming the field) and the console shows them beside the inputs. Shape checks (integers, ranges) are the DTO's.
 */
export function couponTemplateProblems(terms: CouponTemplateTerms): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (terms.kind === 'AMOUNT_OFF') {
    if (!terms.amountOffFen || terms.amountOffFen < 1) {
      problems.push({ field: 'amountOffFen', reason: '请填写优惠金额' });
    } else if (terms.thresholdFen > 0 && terms.amountOffFen > terms.thresholdFen) {
      problems.push({ field: 'amountOffFen', reason: '优惠金额不能超过使用门槛' });
    }
  } else {
    const rate = terms.payRateBp;
    if (!rate || rate < 100 || rate > 9900) {
      problems.push({ field: 'payRateBp', reason: '折扣须在 1% 到 99%（0.1 折到 9.9 折）之间' });
    }
    if (terms.maxDiscountFen !== null && terms.maxDiscountFen !== undefined && terms.thresholdFen > 0) {
      if (terms.maxDiscountFen > terms.thresholdFen) {
        problems.push({ field: 'maxDiscountFen', reason: '优惠上限不能超过使用门槛' });
      }
    }
  }
  const fixed = Boolean(terms.validFrom || terms.validUntil);
  if (fixed) {
    const from = terms.validFrom ? Date.parse(terms.validFrom) : NaN;
    const until = terms.validUntil ? Date.parse(terms.validUntil) : NaN;
    if (Number.isNaN(from)) problems.push({ field: 'validFrom', reason: '请填写开始时间' });
    if (Number.isNaN(until)) problems.push({ field: 'validUntil', reason: '请填写结束时间' });
    else if (!Number.isNaN(from) && until <= from) {
      problems.push({ field: 'validUntil', reason: '结束时间须晚于开始时间' });
    }
  } else if (!terms.validDays || terms.validDays < 1) {
    problems.push({ field: 'validDays', reason: '请填写领取后有效天数，或选择固定日期' });
  }
  return problems;
}

/**
 * A pasted list of phones (one a line, or separated by commas, spaces or 、) as distinct mainland mobiles, and
 * the entries that are not one: what the issuing form sends and what it reports back.
 */
export function parsePhoneList(text: string): { phones: string[]; invalid: string[] } {
  const phones: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,，;；、]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const phone = normaliseMobile(entry);
    if (!isMainlandMobile(phone)) invalid.push(entry);
    else if (!phones.includes(phone)) phones.push(phone);
  }
  return { phones, invalid };
}
