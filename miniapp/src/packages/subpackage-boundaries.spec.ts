import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..');
/** Module specifiers in imports, re-exports and SCSS `@use`/`@import`. */
const SPECIFIER = /(?:\bfrom\s+|^\s*import\s+|@use\s+|@import\s+)['"]([^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.(tsx?|scss)$/.test(entry.name) ? [full] : [];
  });
}

/** `packages/<area>` or `pages/<page>` for a file under src, or null for the main tree (components, utils, …). */
function owner(file: string): string | null {
  const [top, area] = path.relative(SRC, file).split(path.sep);
  return top === 'packages' || top === 'pages' ? `${top}/${area}` : null;
}

describe('subpackage boundaries', () => {
  // WeChat loads a subpackage only when one of its pages opens: a file another subpackage (or a tab page) needs
  // belongs in the main tree (src/components, src/utils, …), where the build shares it.
  it('no subpackage or tab page imports another one’s files', () => {
    const crossings = [...files(path.join(SRC, 'packages')), ...files(path.join(SRC, 'pages'))].flatMap((file) => {
      const from = owner(file);
      return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].flatMap(([, spec]) => {
        if (!spec) return [];
        const target = spec.startsWith('@/')
          ? path.join(SRC, spec.slice(2))
          : spec.startsWith('.')
            ? path.resolve(path.dirname(file), spec)
            : null;
        const to = target ? owner(target) : null;
        return to && to !== from ? [`${path.relative(SRC, file)} → ${spec}`] : [];
      });
    });
    expect(crossings).toEqual([]);
  });
});
