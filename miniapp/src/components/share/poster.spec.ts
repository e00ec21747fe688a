import type { PosterView } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import {
  coverCrop,
  drawPoster,
  isAlbumPermissionDenied,
  isUserCancel,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  posterTexts,
  wrapText,
  type PosterContext,
} from './poster';

const byChars = (size: number) => (s: string) => Array.from(s).length * size;

const poster = (over: Partial<PosterView> = {}): PosterView => ({
  token: 'Tok1',
  targetType: 'PRODUCT',
  targetId: 3,
  title: '无线蓝牙耳机 降噪版',
  imageUrl: '/static/p/3.jpg',
  priceFen: 9900,
  listPriceFen: 12900,
  promoter: { displayName: '小潮', avatarUrl: null },
  codeImageUrl: '/api/distribution/codes/Tok1.png',
  copy: '我在用的耳机，推荐给你',
  ...over,
});

describe('wrapText', () => {
  it('breaks by width, character by character', () => {
    expect(wrapText('一二三四五六', 60, byChars(20), 3)).toEqual(['一二三', '四五六']);
  });
  it('ends the last line in … when text is left over', () => {
    const lines = wrapText('一二三四五六七八九', 60, byChars(20), 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('一二三');
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(byChars(20)(lines[1] ?? '')).toBeLessThanOrEqual(60);
  });
  it('keeps short text and collapses whitespace', () => {
    expect(wrapText('  a \n b ', 600, byChars(10), 2)).toEqual(['a b']);
    expect(wrapText('', 600, byChars(10), 2)).toEqual([]);
  });
});

describe('coverCrop', () => {
  it('crops the middle of a wide picture for a square box', () => {
    expect(coverCrop(800, 400, 600, 600)).toEqual({ sx: 200, sy: 0, sw: 400, sh: 400 });
  });
  it('crops the middle of a tall picture', () => {
    expect(coverCrop(400, 800, 600, 600)).toEqual({ sx: 0, sy: 200, sw: 400, sh: 400 });
  });
});

describe('posterTexts', () => {
  it('prices in yuan, the list price only when higher, and who recommends', () => {
    const t = posterTexts(poster());
    expect(t.price).toBe('¥99.00');
    expect(t.listPrice).toBe('¥129.00');
    expect(t.recommender).toBe('小潮 推荐');
    expect(t.initial).toBe('小');
    expect(posterTexts(poster({ listPriceFen: 9900 })).listPrice).toBeNull();
    expect(posterTexts(poster({ priceFen: null, listPriceFen: null })).price).toBeNull();
    expect(posterTexts(poster({ promoter: { displayName: ' ', avatarUrl: null } })).recommender).toBe('好友 推荐');
  });
});

/** A recording 2D context: what was written, and where. */
function recorder() {
  const texts: { text: string; x: number; y: number; font: string }[] = [];
  const images: { dx: number; dy: number; dw: number; dh: number }[] = [];
  const ctx: PosterContext = {
    fillStyle: '',
    strokeStyle: '',
    font: '',
    textBaseline: 'alphabetic',
    textAlign: 'left',
    lineWidth: 1,
    fillRect: () => undefined,
    fillText(text, x, y) {
      texts.push({ text, x, y, font: this.font });
    },
    measureText(text) {
      return { width: Array.from(text).length * (Number(/(\d+)px/.exec(this.font)?.[1]) || 10) };
    },
    drawImage: (_i, _sx, _sy, _sw, _sh, dx, dy, dw, dh) => void images.push({ dx, dy, dw, dh }),
    beginPath: () => undefined,
    closePath: () => undefined,
    arc: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
    save: () => undefined,
    restore: () => undefined,
    clip: () => undefined,
    scale: () => undefined,
  };
  return { ctx, texts, images };
}

describe('drawPoster', () => {
  it('writes the price, name, recommender, copy and code hint inside the poster, and draws the three pictures', () => {
    const { ctx, texts, images } = recorder();
    const pic = { source: {} as CanvasImageSource, width: 100, height: 100 };
    drawPoster(ctx, poster(), { photo: pic, avatar: pic, code: pic });
    const written = texts.map((t) => t.text);
    expect(written).toEqual(
      expect.arrayContaining(['¥99.00', '¥129.00', '无线蓝牙耳机 降噪版', '小潮 推荐', '长按识别小程序码']),
    );
    expect(written.some((t) => t.includes('推荐给你'))).toBe(true);
    for (const t of texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThanOrEqual(POSTER_HEIGHT);
    }
    expect(images).toHaveLength(3);
    const code = images[2];
    expect(code && code.dx + code.dw).toBeLessThanOrEqual(POSTER_WIDTH);
    expect(code && code.dy + code.dh).toBeLessThanOrEqual(POSTER_HEIGHT);
  });

  it('without an avatar writes the initial; without pictures still writes the texts', () => {
    const { ctx, texts, images } = recorder();
    drawPoster(ctx, poster(), { photo: null, avatar: null, code: null });
    expect(texts.map((t) => t.text)).toContain('小');
    expect(images).toHaveLength(0);
  });
});

describe('album errors', () => {
  it('tells a refused permission from a cancel', () => {
    expect(isAlbumPermissionDenied('saveImageToPhotosAlbum:fail auth deny')).toBe(true);
    expect(isAlbumPermissionDenied('saveImageToPhotosAlbum:fail authorize:fail')).toBe(true);
    expect(isAlbumPermissionDenied('saveImageToPhotosAlbum:fail:auth denied')).toBe(true);
    expect(isAlbumPermissionDenied('saveImageToPhotosAlbum:fail cancel')).toBe(false);
    expect(isUserCancel('saveImageToPhotosAlbum:fail cancel')).toBe(true);
    expect(isAlbumPermissionDenied(undefined)).toBe(false);
  });
});
