import { describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH, jsonDepthExceeds } from './json-body';

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays alike, up to the limit inclusive', () => {
    const at = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
    expect(jsonDepthExceeds(at(JSON_MAX_DEPTH, '[', ']'))).toBe(false);
    expect(jsonDepthExceeds(at(JSON_MAX_DEPTH + 1, '[', ']'))).toBe(true);
    expect(jsonDepthExceeds('{"a":'.repeat(3) + '1' + '}'.repeat(3), 2)).toBe(true);
    expect(jsonDepthExceeds('{"a":[1,{"b":2}],"c":[[]]}', 3)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ a: 'say \\"[[[[\\"', b: '\\' }), 1)).toBe(false);
    expect(jsonDepthExceeds('["\\\\", [[]]]', 2)).toBe(true);
  });

  it('scans a million levels without recursion', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000))).toBe(true);
    expect(jsonDepthExceeds('"' + '['.repeat(1_000_000) + '"')).toBe(false);
  });
});
