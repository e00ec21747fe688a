import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colors } from './tokens';

const SRC = path.resolve(__dirname, '..');
const THEME = path.join(__dirname, '_theme.scss');
const TOKENS = path.join(__dirname, 'tokens.ts');
/** A hex colour or an rgb/rgba call with its arguments, as a stylesheet or TypeScript would spell one. */
const LITERAL_COLOUR = /#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(scss|tsx?)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Three-digit and six-digit, upper- and lower-case hex spell the same colour: compare six-digit lower case. */
function normalizeHex(hex: string): string {
  const h = hex.toLowerCase();
  return h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h;
}

function scssColourVariables(): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of readFileSync(THEME, 'utf8').matchAll(/^\$(color-[a-z-]+):\s*(#[0-9a-fA-F]{3,8});/gm)) {
    vars.set(m[1], normalizeHex(m[2]));
  }
  return vars;
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('design tokens', () => {
  it('every TypeScript colour equals the SCSS variable of the same name', () => {
    const scss = scssColourVariables();
    const mismatches = Object.entries(colors).flatMap(([key, value]) => {
      const name = `color-${kebab(key)}`;
      return scss.get(name) === normalizeHex(value) ? [] : [`${key} = ${value}, $${name} = ${scss.get(name)}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('no file outside the tokens spells a colour (use a variable from _theme.scss or `colors`)', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => file !== THEME && file !== TOKENS)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            (line.match(LITERAL_COLOUR) ?? []).map((c) => `${path.relative(SRC, file)}:${i + 1} ${c}`),
          ),
      );
    expect(offenders).toEqual([]);
  });
});
