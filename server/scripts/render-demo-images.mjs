// Renders the demo catalogue's and points mall's images (server/assets/demo) from src/modules/seed/demo-catalog.ts
// and demo-gifts.ts.
// Run after `pnpm build`: node scripts/render-demo-images.mjs. The output is committed; the server serves it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { DEMO_CATEGORIES, DEMO_PRODUCTS } = require('../dist/modules/seed/demo-catalog.js');
const { DEMO_GIFTS } = require('../dist/modules/seed/demo-gifts.js');
const out = join(here, '..', 'assets', 'demo');

const ART = {
  candle: (c) =>
    `<rect x="200" y="250" width="200" height="230" rx="24" fill="${c}"/><rect x="200" y="250" width="200" height="40" rx="20" fill="#fff" opacity=".45"/><rect x="295" y="200" width="10" height="55" fill="#5b4636"/><path d="M300 120c30 40 30 70 0 85c-30-15-30-45 0-85z" fill="#ffb347"/>`,
  bear: (c) =>
    `<circle cx="215" cy="200" r="55" fill="${c}"/><circle cx="385" cy="200" r="55" fill="${c}"/><circle cx="300" cy="320" r="150" fill="${c}"/><circle cx="250" cy="300" r="14" fill="#3b2f2f"/><circle cx="350" cy="300" r="14" fill="#3b2f2f"/><ellipse cx="300" cy="365" rx="50" ry="38" fill="#fff" opacity=".6"/><circle cx="300" cy="352" r="12" fill="#3b2f2f"/>`,
  headphones: (c) =>
    `<path d="M170 340v-40a130 130 0 0 1 260 0v40" stroke="${c}" stroke-width="34" fill="none" stroke-linecap="round"/><rect x="140" y="320" width="80" height="130" rx="30" fill="${c}"/><rect x="380" y="320" width="80" height="130" rx="30" fill="${c}"/>`,
  lipstick: (c) =>
    `<rect x="240" y="300" width="120" height="190" rx="14" fill="#d4af37"/><rect x="255" y="200" width="90" height="110" rx="10" fill="${c}"/><path d="M255 200l90-70v70z" fill="${c}"/>`,
  box: (c) =>
    `<path d="M160 250l140-70 140 70-140 70z" fill="#fff" opacity=".7"/><path d="M160 250v160l140 70V320z" fill="${c}"/><path d="M440 250v160l-140 70V320z" fill="${c}" opacity=".75"/>`,
  tote: (c) =>
    `<path d="M235 250v-40a65 65 0 0 1 130 0v40" stroke="#8a6f4d" stroke-width="16" fill="none" stroke-linecap="round"/><path d="M170 240h260l-22 250H192z" fill="${c}"/><rect x="230" y="320" width="140" height="70" rx="10" fill="#fff" opacity=".55"/><path d="M250 358q25-25 50 0t50 0" stroke="#7fb5c9" stroke-width="10" fill="none" stroke-linecap="round"/>`,
  mug: (c) =>
    `<path d="M400 280h25a55 55 0 0 1 0 110h-25" stroke="${c}" stroke-width="26" fill="none"/><rect x="170" y="230" width="240" height="250" rx="30" fill="${c}"/><rect x="170" y="230" width="240" height="36" rx="18" fill="#fff" opacity=".45"/><path d="M250 170q15-25 0-50M300 170q15-25 0-50M350 170q15-25 0-50" stroke="#c8b8a6" stroke-width="10" fill="none" stroke-linecap="round"/>`,
  cable: (c) =>
    `<path d="M190 200c0 120 220 60 220 180s-140 120-160 40" stroke="${c}" stroke-width="22" fill="none" stroke-linecap="round"/><rect x="160" y="150" width="60" height="70" rx="12" fill="#5b6475"/><rect x="176" y="120" width="28" height="34" rx="6" fill="#c9ced6"/><rect x="222" y="420" width="56" height="66" rx="12" fill="#5b6475"/><rect x="236" y="482" width="28" height="30" rx="6" fill="#c9ced6"/>`,
  cookie: (c) =>
    `<circle cx="300" cy="310" r="160" fill="${c}"/><circle cx="250" cy="260" r="18" fill="#5b3a29"/><circle cx="350" cy="290" r="16" fill="#5b3a29"/><circle cx="280" cy="370" r="20" fill="#5b3a29"/><circle cx="370" cy="380" r="12" fill="#5b3a29"/><circle cx="220" cy="340" r="12" fill="#5b3a29"/>`,
};

function svg(art, color, background, variant) {
  const tilt = variant === 2 ? ' transform="rotate(-8 300 300)"' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${background}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
<rect width="600" height="600" fill="url(#bg)"/>
<ellipse cx="300" cy="520" rx="190" ry="26" fill="#000" opacity=".06"/>
<g${tilt}>${ART[art](color)}</g>
<text x="300" y="572" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="22" letter-spacing="6" fill="#8a7f76">TIDEPOOL</text>
</svg>
`;
}

function tint(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const mix = (v) => Math.round(v + (255 - v) * amount);
  return `#${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => mix(v).toString(16).padStart(2, '0')).join('')}`;
}

mkdirSync(join(out, 'products'), { recursive: true });
mkdirSync(join(out, 'categories'), { recursive: true });
const artOf = Object.fromEntries(DEMO_CATEGORIES.map((c) => [c.key, c.art]));
for (const p of DEMO_PRODUCTS) {
  for (const view of [1, 2]) {
    writeFileSync(
      join(out, 'products', `${p.key}-${view}.svg`),
      svg(artOf[p.category], p.color, tint(p.color, view === 1 ? 0.7 : 0.85), view),
    );
  }
}
const palette = ['#e8a87c', '#d9a066', '#8e9aaf', '#e88d8d', '#9ccc9c', '#e6b86a'];
DEMO_CATEGORIES.forEach((c, i) => {
  writeFileSync(
    join(out, 'categories', `${c.key}.svg`),
    svg(c.art, palette[i % palette.length], tint(palette[i % palette.length], 0.8), 1),
  );
});
mkdirSync(join(out, 'gifts'), { recursive: true });
for (const g of DEMO_GIFTS) {
  writeFileSync(join(out, 'gifts', `${g.key}.svg`), svg(g.art, g.color, tint(g.color, 0.75), 1));
}
console.log(
  `rendered ${DEMO_PRODUCTS.length * 2} product, ${DEMO_CATEGORIES.length} category and ${DEMO_GIFTS.length} gift images into ${out}`,
);
