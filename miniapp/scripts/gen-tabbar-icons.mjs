// Draws the tab bar icons (81×81 PNG, normal + selected) into src/assets/tabbar/. No dependencies:
// shapes are hit-tested with 4×4 supersampling and written with a minimal PNG encoder.
// Run: node scripts/gen-tabbar-icons.mjs   (the PNGs are committed; rerun only to change them)
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SS = 4;
const COLORS = { normal: [0x8a, 0x84, 0x7e], selected: [0xe8, 0x5d, 0x2f] };
const STROKE = 0.065;

const seg =
  (ax, ay, bx, by, w = STROKE) =>
  (x, y) => {
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2;
  };
const polyline = (pts, w) => {
  const parts = [];
  for (let i = 0; i < pts.length - 1; i++) parts.push(seg(...pts[i], ...pts[i + 1], w));
  return (x, y) => parts.some((p) => p(x, y));
};
const polygon = (pts) => (x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i],
      [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const ring =
  (cx, cy, r, w = STROKE) =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const qx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const qy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && Math.hypot(qx, qy) <= r;
};
const roundRectOutline = (x0, y0, x1, y1, r, w = STROKE) => {
  const outer = roundRect(x0 - w / 2, y0 - w / 2, x1 + w / 2, y1 + w / 2, r + w / 2);
  const inner = roundRect(x0 + w / 2, y0 + w / 2, x1 - w / 2, y1 - w / 2, Math.max(r - w / 2, 0));
  return (x, y) => outer(x, y) && !inner(x, y);
};
const clip = (shape, pred) => (x, y) => pred(x, y) && shape(x, y);
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const ICONS = {
  home: {
    normal: union(
      polyline([
        [0.14, 0.47],
        [0.5, 0.16],
        [0.86, 0.47],
      ]),
      polyline([
        [0.24, 0.42],
        [0.24, 0.84],
        [0.76, 0.84],
        [0.76, 0.42],
      ]),
      polyline([
        [0.42, 0.84],
        [0.42, 0.62],
        [0.58, 0.62],
        [0.58, 0.84],
      ]),
    ),
    selected: union(
      minus(
        union(
          polygon([
            [0.1, 0.48],
            [0.5, 0.13],
            [0.9, 0.48],
          ]),
          roundRect(0.21, 0.4, 0.79, 0.87, 0.05),
        ),
        roundRect(0.42, 0.6, 0.58, 0.9, 0.03),
      ),
    ),
  },
  category: {
    normal: union(
      roundRectOutline(0.16, 0.16, 0.44, 0.44, 0.06),
      roundRectOutline(0.56, 0.16, 0.84, 0.44, 0.06),
      roundRectOutline(0.16, 0.56, 0.44, 0.84, 0.06),
      ring(0.7, 0.7, 0.145),
    ),
    selected: union(
      roundRect(0.13, 0.13, 0.47, 0.47, 0.08),
      roundRect(0.53, 0.13, 0.87, 0.47, 0.08),
      roundRect(0.13, 0.53, 0.47, 0.87, 0.08),
      disc(0.7, 0.7, 0.175),
    ),
  },
  cart: {
    normal: union(
      polyline([
        [0.08, 0.2],
        [0.2, 0.2],
        [0.3, 0.64],
        [0.78, 0.64],
        [0.87, 0.33],
        [0.24, 0.33],
      ]),
      ring(0.36, 0.8, 0.055, 0.05),
      ring(0.72, 0.8, 0.055, 0.05),
    ),
    selected: union(
      polyline([
        [0.08, 0.2],
        [0.2, 0.2],
        [0.3, 0.64],
        [0.78, 0.64],
      ]),
      polygon([
        [0.22, 0.29],
        [0.9, 0.29],
        [0.8, 0.66],
        [0.3, 0.66],
      ]),
      disc(0.36, 0.8, 0.075),
      disc(0.72, 0.8, 0.075),
    ),
  },
  mine: {
    normal: union(
      ring(0.5, 0.34, 0.16),
      clip(ring(0.5, 0.98, 0.34), (_x, y) => y <= 0.86),
    ),
    selected: union(
      disc(0.5, 0.34, 0.19),
      clip(disc(0.5, 0.98, 0.37), (_x, y) => y <= 0.88),
    ),
  },
};

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function render(shape, [r, g, b]) {
  const px = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (shape((x + (sx + 0.5) / SS) / SIZE, (y + (sy + 0.5) / SS) / SIZE)) hits++;
        }
      }
      const i = (y * SIZE + x) * 4;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  return encodePng(SIZE, px);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');
mkdirSync(outDir, { recursive: true });
for (const [name, variants] of Object.entries(ICONS)) {
  writeFileSync(join(outDir, `${name}.png`), render(variants.normal, COLORS.normal));
  writeFileSync(join(outDir, `${name}-active.png`), render(variants.selected, COLORS.selected));
}
console.log(`wrote ${Object.keys(ICONS).length * 2} icons to ${outDir}`);
