import { fen, formatFen, type PosterView } from '@tidepool/shared';
import { colors } from '@/styles/tokens';

/**
 * The referral poster (推广海报), drawn on a Canvas 2D: the product photo, its price and name, the promoter's avatar
 * and name with a line of copy, and the mini program code (scene = the referral token). Layout is pure and sized
 * in canvas pixels of a 600 × 960 poster; `drawPoster` paints it on any 2D context (weapp Canvas 2D or the browser's).
 */
export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 960;
const PAD = 32;
const PHOTO = POSTER_WIDTH;
const CODE = 168;

/** The few 2D-context members the poster uses (the weapp Canvas 2D context and the DOM one both have them). */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(
    image: CanvasImageSource,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
  beginPath(): void;
  closePath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  fill(): void;
  stroke(): void;
  save(): void;
  restore(): void;
  clip(): void;
  scale(x: number, y: number): void;
}

/** A loaded picture: its natural size and what the context can draw. */
export interface PosterImage {
  source: CanvasImageSource;
  width: number;
  height: number;
}

export interface PosterImages {
  photo: PosterImage | null;
  avatar: PosterImage | null;
  code: PosterImage | null;
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth` (character by character: Chinese has no
 * spaces); the last line ends in "…" when text is left over.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines: number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < chars.length && lines.length < maxLines; i++) {
    const next = line + chars[i];
    if (measure(next) > maxWidth && line) {
      lines.push(line);
      line = '';
      i--;
      continue;
    }
    line = next;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (i < chars.length && lines.length > 0) {
    let last = lines[lines.length - 1] ?? '';
    while (last && measure(`${last}…`) > maxWidth) last = Array.from(last).slice(0, -1).join('');
    lines[lines.length - 1] = `${last}…`;
  }
  return lines;
}

/** The source rectangle that fills a `dw` × `dh` box from a `sw` × `sh` picture without distortion (object-fit: cover). */
export function coverCrop(
  sw: number,
  sh: number,
  dw: number,
  dh: number,
): { sx: number; sy: number; sw: number; sh: number } {
  if (sw <= 0 || sh <= 0) return { sx: 0, sy: 0, sw: Math.max(sw, 0), sh: Math.max(sh, 0) };
  const scale = Math.max(dw / sw, dh / sh);
  const cw = dw / scale;
  const ch = dh / scale;
  return { sx: (sw - cw) / 2, sy: (sh - ch) / 2, sw: cw, sh: ch };
}

/** Text on the poster: price line, name lines, who recommends it and the copy. */
export function posterTexts(poster: PosterView) {
  const name = poster.promoter.displayName.trim() || '好友';
  return {
    price: poster.priceFen !== null ? formatFen(fen(poster.priceFen)) : null,
    listPrice:
      poster.listPriceFen !== null && poster.priceFen !== null && poster.listPriceFen > poster.priceFen
        ? formatFen(fen(poster.listPriceFen))
        : null,
    title: poster.title,
    recommender: `${name} 推荐`,
    initial: Array.from(name)[0] ?? '潮',
    copy: poster.copy,
    codeHint: '长按识别小程序码',
  };
}

const FONT = '"PingFang SC", "Microsoft YaHei", sans-serif';

function drawImageCover(ctx: PosterContext, image: PosterImage, x: number, y: number, w: number, h: number): void {
  const crop = coverCrop(image.width, image.height, w, h);
  ctx.drawImage(image.source, crop.sx, crop.sy, crop.sw, crop.sh, x, y, w, h);
}

/** Paints the poster at 1 canvas pixel per layout pixel (scale the context first for a sharper image). */
export function drawPoster(ctx: PosterContext, poster: PosterView, images: PosterImages): void {
  const text = posterTexts(poster);
  ctx.fillStyle = colors.card;
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  // The product photo (a warm placeholder when it did not load).
  if (images.photo) drawImageCover(ctx, images.photo, 0, 0, PHOTO, PHOTO);
  else {
    ctx.fillStyle = colors.bg;
    ctx.fillRect(0, 0, PHOTO, PHOTO);
  }

  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  let y = PHOTO + 64;
  if (text.price) {
    ctx.fillStyle = colors.price;
    ctx.font = `bold 48px ${FONT}`;
    ctx.fillText(text.price, PAD, y);
    if (text.listPrice) {
      const x = PAD + ctx.measureText(text.price).width + 16;
      ctx.fillStyle = colors.textMuted;
      ctx.font = `24px ${FONT}`;
      ctx.fillText(text.listPrice, x, y);
      const w = ctx.measureText(text.listPrice).width;
      ctx.strokeStyle = colors.textMuted;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, y - 8);
      ctx.lineTo(x + w, y - 8);
      ctx.stroke();
    }
    y += 48;
  }
  ctx.fillStyle = colors.text;
  ctx.font = `bold 30px ${FONT}`;
  for (const line of wrapText(text.title, POSTER_WIDTH - PAD * 2, (s) => ctx.measureText(s).width, 2)) {
    ctx.fillText(line, PAD, y);
    y += 42;
  }

  // Bottom band: the promoter and the code.
  const bandTop = POSTER_HEIGHT - CODE - 56;
  ctx.fillStyle = colors.surfaceWarm;
  ctx.fillRect(0, bandTop - 16, POSTER_WIDTH, POSTER_HEIGHT - bandTop + 16);

  const avatar = 72;
  const ax = PAD;
  const ay = bandTop + 16;
  ctx.save();
  ctx.beginPath();
  ctx.arc(ax + avatar / 2, ay + avatar / 2, avatar / 2, 0, Math.PI * 2);
  ctx.closePath();
  ctx.clip();
  if (images.avatar) drawImageCover(ctx, images.avatar, ax, ay, avatar, avatar);
  else {
    ctx.fillStyle = colors.primary;
    ctx.fillRect(ax, ay, avatar, avatar);
    ctx.fillStyle = colors.textInverse;
    ctx.font = `bold 34px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.fillText(text.initial, ax + avatar / 2, ay + avatar / 2 + 12);
    ctx.textAlign = 'left';
  }
  ctx.restore();

  const textX = ax + avatar + 20;
  const textWidth = POSTER_WIDTH - PAD - CODE - 24 - textX;
  ctx.fillStyle = colors.text;
  ctx.font = `bold 28px ${FONT}`;
  const [recommender] = wrapText(text.recommender, textWidth, (s) => ctx.measureText(s).width, 1);
  ctx.fillText(recommender ?? '', textX, ay + 30);
  ctx.fillStyle = colors.textSecondary;
  ctx.font = `24px ${FONT}`;
  let copyY = ay + avatar + 36;
  for (const line of wrapText(text.copy, POSTER_WIDTH - PAD - CODE - 24 - PAD, (s) => ctx.measureText(s).width, 3)) {
    ctx.fillText(line, PAD, copyY);
    copyY += 34;
  }

  const codeX = POSTER_WIDTH - PAD - CODE;
  const codeY = bandTop;
  ctx.fillStyle = colors.codePaper;
  ctx.fillRect(codeX - 8, codeY - 8, CODE + 16, CODE + 16);
  if (images.code)
    ctx.drawImage(images.code.source, 0, 0, images.code.width, images.code.height, codeX, codeY, CODE, CODE);
  ctx.fillStyle = colors.textMuted;
  ctx.font = `20px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(text.codeHint, codeX + CODE / 2, codeY + CODE + 32);
  ctx.textAlign = 'left';
}

/** saveImageToPhotosAlbum failed because the member refused (now or before) access to the album. */
export function isAlbumPermissionDenied(errMsg: string | null | undefined): boolean {
  return /auth ?den(y|ied)|authorize:fail|auth:fail|no permission|permission denied/i.test(errMsg ?? '');
}

/** The member closed the system's save sheet themselves: nothing to say. */
export function isUserCancel(errMsg: string | null | undefined): boolean {
  return /cancel/i.test(errMsg ?? '');
}

export const ALBUM_DENIED_TITLE = '无法保存到相册';
export const ALBUM_DENIED_MESSAGE = '保存海报需要你允许访问相册。请在设置中打开「添加到相册」后再试。';
