/**
 * Limits on JSON request bodies, checked on the raw text before anything parses or walks it. class-transformer
 * and class-validator recurse over every nested array, so a body a few kilobytes long but thousands of levels
 * deep would overflow the stack inside validation and answer 500 on any route that takes a body, login or not.
 */

/** No request of this API nests anywhere near this deep; the headroom is for future shapes. */
export const JSON_MAX_DEPTH = 64;
/** The largest JSON body accepted (a product description, a coupon issue to 1,000 members fit easily). */
export const JSON_BODY_LIMIT = 256 * 1024;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether `text` nests objects and arrays more than `maxDepth` levels deep, brackets inside strings not counted.
 * One pass with a counter, no recursion, stopping at the first level too many. It does not check that the text
 * is valid JSON (the parser does that next); unbalanced brackets simply make the count wrong for a body the
 * parser then refuses anyway.
 */
export function jsonDepthExceeds(text: string, maxDepth: number = JSON_MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}
