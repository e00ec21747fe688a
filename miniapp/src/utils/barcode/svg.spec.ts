import { describe, expect, it } from 'vitest';
import { asciiToBase64, code128Svg, qrMatrix, qrSvg, svgDataUrl } from './svg';

describe('asciiToBase64', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '<svg viewBox="0 0 1 1"/>'])(
    'matches Buffer for %j',
    (s) => {
      expect(asciiToBase64(s)).toBe(Buffer.from(s, 'ascii').toString('base64'));
    },
  );

  it('refuses non-ASCII text', () => {
    expect(() => asciiToBase64('会员')).toThrow(/ASCII/);
  });
});

describe('QR and barcode SVGs', () => {
  it('draws an 18-digit code as a version-1 QR (21×21) in numeric mode', () => {
    const matrix = qrMatrix('123456789012345678');
    expect(matrix).toHaveLength(21);
    expect(matrix.every((row) => row.length === 21)).toBe(true);
    // Finder pattern corners are dark.
    expect(matrix[0][0] && matrix[0][20] && matrix[20][0]).toBe(true);
  });

  it('produces SVG data URLs', () => {
    const qr = qrSvg('123456789012345678');
    expect(qr).toMatch(/^<svg [^>]*viewBox="0 0 29 29"/);
    const bar = code128Svg('123456789012345678');
    expect(bar).toMatch(/viewBox="0 0 154 60"/);
    const url = svgDataUrl(bar);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1], 'base64').toString('ascii')).toBe(bar);
  });
});
