/**
 * A mainland China mobile number (中国大陆手机号): 11 digits, `1`, then 3–9, then nine digits. The one rule the
 * signup form, the gift pickup form and the server's signup agree on, with the message that says what is expected.
 */
export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export const MAINLAND_MOBILE_MESSAGE = '请输入正确的手机号（1 开头的 11 位大陆手机号）';

/** Spaces and dashes people type (`138 0013 8000`, `138-0013-8000`) are not part of the number. */
export function normaliseMobile(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

export function isMainlandMobile(input: string): boolean {
  return MAINLAND_MOBILE_PATTERN.test(normaliseMobile(input));
}

/** null when valid, else the message to show. */
export function mobileError(input: string): string | null {
  return isMainlandMobile(input) ? null : MAINLAND_MOBILE_MESSAGE;
}
