/**
 * The store (or staff) signup token of the page that opened signup:
 * - weapp, from the mini program code (wxacode.getUnlimited): `scene`, URL-encoded by WeChat;
 * - H5, from the store's link (`h5Url`): `?token=`.
 * Null when signup was opened from 我的 (online signup, no store).
 */
export function readSignupToken(params: Partial<Record<string, string | undefined>>): string | null {
  const raw = params.scene ?? params.token;
  if (!raw) return null;
  let token = raw;
  // Taro hands over `scene` still encoded on weapp; decoding twice is harmless for a plain token.
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(token); i++) {
    try {
      token = decodeURIComponent(token);
    } catch {
      break;
    }
  }
  token = token.trim();
  return token === '' || token === 'undefined' ? null : token;
}
