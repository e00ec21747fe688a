import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  missingDeclarations,
  PRIVACY_APIS,
  privacyApisIn,
  type AppDeclarations,
  type PrivacyApi,
} from './privacy-apis';

const SRC = resolve(__dirname, '..', '..');
const DOC = resolve(SRC, '..', '..', 'docs', 'wechat-privacy.md');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|jsx?)$/.test(name) && !/\.spec\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** Every privacy API the mini program's code calls, and where. */
function usedApis(): Map<PrivacyApi, string[]> {
  const used = new Map<PrivacyApi, string[]>();
  for (const file of sources(SRC)) {
    if (file.startsWith(__dirname)) continue; // this folder lists the APIs, it does not call them
    for (const api of privacyApisIn(readFileSync(file, 'utf8'))) {
      used.set(api, [...(used.get(api) ?? []), relative(SRC, file)]);
    }
  }
  return used;
}

/** app.config.ts as WeChat gets it (app.json). */
async function appJson(): Promise<AppDeclarations> {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (config) => config;
  const config: AppDeclarations = (await import('../../app.config')).default;
  return config;
}

describe('privacy declarations, derived from the code', () => {
  it('finds the privacy calls the code makes today', () => {
    const names = [...usedApis().keys()].map((api) => api.name);
    // Known callers: the share sheet and member/store/promoter pages copy, the poster saves, signup asks for
    // the phone number. (A scanner that finds nothing would pass everything below.)
    expect(names).toEqual(expect.arrayContaining(['setClipboardData', 'saveImageToPhotosAlbum', 'getPhoneNumber']));
  });

  it('every call has its app.json declaration (requiredPrivateInfos, permission)', async () => {
    const used = [...usedApis()];
    const missing = missingDeclarations(
      used.map(([api]) => api),
      await appJson(),
    ).map((line) => `${line} (called in ${used.find(([api]) => line.startsWith(`${api.name}:`))?.[1].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('declares chooseAddress for the address import at checkout', async () => {
    expect((await appJson()).requiredPrivateInfos).toContain('chooseAddress');
  });

  it('every call is in the guide the brand fills in (docs/wechat-privacy.md)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const undocumented = [...usedApis().keys()].filter((api) => !doc.includes(api.name) || !doc.includes(api.guide));
    expect(undocumented.map((api) => api.name)).toEqual([]);
  });

  it('fails a call without its declaration', () => {
    const source = `
      // Taro.getLocation() in a comment is not a call
      export async function near() { return Taro.chooseLocation({}); }
      export function pin() { return wx.getLocation({ type: 'gcj02' }); }
      const b = <Button openType="getPhoneNumber" onGetPhoneNumber={f} />;`;
    const used = privacyApisIn(source);
    expect(used.map((api) => api.name).sort()).toEqual(['chooseLocation', 'getLocation', 'getPhoneNumber']);
    expect(missingDeclarations(used, { requiredPrivateInfos: ['chooseAddress'] })).toEqual([
      'getLocation: requiredPrivateInfos must list "getLocation"',
      'getLocation: permission["scope.userLocation"].desc is required',
      'chooseLocation: requiredPrivateInfos must list "chooseLocation"',
    ]);
    expect(
      missingDeclarations(used, {
        requiredPrivateInfos: ['getLocation', 'chooseLocation'],
        permission: { 'scope.userLocation': { desc: '为你推荐附近门店' } },
      }),
    ).toEqual([]);
  });

  it('lists each API once', () => {
    expect(new Set(PRIVACY_APIS.map((api) => api.name)).size).toBe(PRIVACY_APIS.length);
  });
});
