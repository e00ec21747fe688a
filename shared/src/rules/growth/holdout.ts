/** Basis points in a whole: buckets run 0..9999. */
const BUCKETS = 10_000;

/**
 * Whether a member is held out of a campaign (gets nothing, so the campaign's effect can be measured against them).
 * Deterministic: the same member and campaign always land in the same bucket, on the server and in the mini
 * program alike, so no assignment needs storing; a different campaign key reshuffles who is held out, so the same
 * members are not denied every campaign.
 *
 * The bucket is a 32-bit FNV-1a hash of the UTF-8 bytes of `${campaignKey}:${memberId}`, passed through the
 * MurmurHash3 finaliser and taken modulo 10 000; the member is held out when the bucket is below `holdoutBp`.
 * The finaliser is there because plain FNV-1a mixes its last bytes poorly, and sequential member ids differ only
 * in their last bytes. (2^32 mod 10 000 leaves a bias below 0.0002% per bucket.)
 */
export function inHoldout(memberId: number | string, campaignKey: string, holdoutBp: number): boolean {
  return holdoutBucket(memberId, campaignKey) < holdoutBp;
}

/** The member's bucket (0..9999) for a campaign. */
export function holdoutBucket(memberId: number | string, campaignKey: string): number {
  return fmix32(fnv1a32(utf8(`${campaignKey}:${String(memberId)}`))) % BUCKETS;
}

function fnv1a32(bytes: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** UTF-8 by hand: TextEncoder is missing from some WeChat JS engines. */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return bytes;
}
