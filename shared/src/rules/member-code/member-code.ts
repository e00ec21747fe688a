import { hexToBytes, hmacSha1 } from './sha1';

/**
 * The rotating member code (会员码): 18 digits = a 10-digit handle + an 8-digit TOTP (RFC 6238, HMAC-SHA1).
 *
 * - The handle is random, issued with the secret, and replaced whenever a new credential is provisioned, so the
 *   code names neither the member id nor the phone; it only lets the server find whose secret to check.
 * - The TOTP part changes every `stepSeconds` (30). The phone computes it offline from the provisioned secret, so
 *   the code keeps refreshing on a weak in-store network; the server accepts the current and the previous step.
 * - 18 digits fit a CODE128 barcode (set C) that every till scanner reads, and a small QR code.
 */
export const MEMBER_CODE = {
  stepSeconds: 30,
  handleDigits: 10,
  otpDigits: 8,
  /** Steps back that the server still accepts (1 = the previous 30-second window). */
  acceptedPreviousSteps: 1,
  /** Older than the accepted steps but within this many steps: reported as expired rather than invalid. */
  recognisedAsExpiredSteps: 20,
} as const;

export const MEMBER_CODE_LENGTH = MEMBER_CODE.handleDigits + MEMBER_CODE.otpDigits;

export interface MemberCodeCredential {
  /** 10 digits, first digit non-zero. */
  handle: string;
  /** Hex-encoded HMAC key (20 bytes). */
  secret: string;
}

export function timeStep(epochMs: number, stepSeconds: number = MEMBER_CODE.stepSeconds): number {
  return Math.floor(epochMs / 1000 / stepSeconds);
}

/** RFC 4226 HOTP value for a counter (the TOTP step), zero-padded to `digits`. */
export function hotp(secretHex: string, counter: number, digits: number = MEMBER_CODE.otpDigits): string {
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(counter / 0x100000000));
  view.setUint32(4, counter >>> 0);
  const mac = hmacSha1(hexToBytes(secretHex), message);
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code the phone shows at `epochMs`. */
export function memberCodeAt(credential: MemberCodeCredential, epochMs: number): string {
  return credential.handle + hotp(credential.secret, timeStep(epochMs));
}

/** Milliseconds until the shown code changes (for the refresh countdown). */
export function msUntilNextStep(epochMs: number, stepSeconds: number = MEMBER_CODE.stepSeconds): number {
  const stepMs = stepSeconds * 1000;
  return stepMs - (epochMs % stepMs);
}

export type ParsedMemberCode = { handle: string; otp: string };

/** Splits a scanned or typed code; null if it is not 18 digits (spaces, as people type them, are ignored). */
export function parseMemberCode(raw: string): ParsedMemberCode | null {
  const digits = raw.replace(/\s+/g, '');
  if (!/^[1-9]\d{17}$/.test(digits)) return null;
  return { handle: digits.slice(0, MEMBER_CODE.handleDigits), otp: digits.slice(MEMBER_CODE.handleDigits) };
}

export type MemberCodeCheck = { result: 'valid'; step: number } | { result: 'expired' } | { result: 'invalid' };

/**
 * Which step an OTP belongs to, judged at `epochMs`: the current or previous step is valid; an older step within
 * `recognisedAsExpiredSteps` is expired; anything else (including a future step) is invalid. Comparison runs
 * over every candidate step so timing does not reveal which one matched.
 */
export function checkMemberCodeOtp(secretHex: string, otp: string, epochMs: number): MemberCodeCheck {
  const current = timeStep(epochMs);
  let validStep: number | null = null;
  let expired = false;
  for (let back = 0; back <= MEMBER_CODE.recognisedAsExpiredSteps; back++) {
    const step = current - back;
    if (constantTimeEqual(hotp(secretHex, step), otp)) {
      if (back <= MEMBER_CODE.acceptedPreviousSteps) validStep ??= step;
      else expired = true;
    }
  }
  if (validStep !== null) return { result: 'valid', step: validStep };
  return expired ? { result: 'expired' } : { result: 'invalid' };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
