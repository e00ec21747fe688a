import qrcode from 'qrcode-generator';
import { code128CLayout } from './code128';
import { colors } from '@/styles/tokens';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Base64 of an ASCII string. The mini program has no `btoa`, and the SVGs drawn here are plain ASCII, so this is
 * all the encoding needed (non-ASCII input is refused rather than silently mangled).
 */
export function asciiToBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const codes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    for (const code of codes) if (code > 0x7f) throw new Error('asciiToBase64 takes ASCII text only');
    const [a, b, c] = codes;
    const triple = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64[(triple >> 18) & 63] + BASE64[(triple >> 12) & 63];
    out += i + 1 < text.length ? BASE64[(triple >> 6) & 63] : '=';
    out += i + 2 < text.length ? BASE64[triple & 63] : '=';
  }
  return out;
}

/** An SVG as an `<Image src>`: works the same on weapp and H5, no canvas needed. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${asciiToBase64(svg)}`;
}

/** The dark modules of a QR code for `text` (numeric mode for digit strings), row by row. */
export function qrMatrix(text: string, errorCorrection: 'L' | 'M' | 'Q' | 'H' = 'M'): boolean[][] {
  const qr = qrcode(0, errorCorrection);
  qr.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** A QR code as SVG: one path of unit squares (runs merged per row), a 4-module quiet zone. */
export function qrSvg(text: string, quietZone = 4): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + quietZone * 2;
  let path = '';
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      path += `M${start + quietZone} ${y + quietZone}h${x - start}v1h-${x - start}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="${colors.codePaper}"/><path d="${path}" fill="${colors.codeInk}"/></svg>`
  );
}

/** A CODE128 set C barcode as SVG, `height` modules tall (the image is stretched to the box it is shown in). */
export function code128Svg(digits: string, height = 60): string {
  const layout = code128CLayout(digits);
  const bars = layout.bars.map((bar) => `M${bar.x} 0h${bar.width}v${height}h-${bar.width}z`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.modules} ${height}" ` +
    `preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${layout.modules}" height="${height}" fill="${colors.codePaper}"/><path d="${bars}" fill="${colors.codeInk}"/></svg>`
  );
}
