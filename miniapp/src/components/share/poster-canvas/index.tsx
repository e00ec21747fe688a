import { useEffect, useRef } from 'react';
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PosterView } from '@tidepool/shared';
import { resolveAssetUrl } from '@/services/asset-url';
import { isH5 } from '@/services/env';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContext, type PosterImage } from '../poster';
import './index.scss';

export interface PosterCanvasProps {
  poster: PosterView;
  /** Called with the finished picture: a temp file path (weapp) or a data: URL (H5). */
  onRendered: (imageUrl: string) => void;
  onFailed: (message: string) => void;
  canvasId?: string;
  /** Canvas pixels per poster pixel (2 = a 1200 × 1920 picture). */
  pixelRatio?: number;
}

/** What both the weapp Canvas 2D node and an HTMLCanvasElement offer. */
interface CanvasNode {
  width: number;
  height: number;
  getContext: (type: '2d') => unknown;
  createImage?: () => LoadableImage;
  toDataURL?: (type?: string) => string;
}

interface LoadableImage {
  src: string;
  width: number;
  height: number;
  naturalWidth?: number;
  naturalHeight?: number;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function queryCanvas(id: string): Promise<CanvasNode | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const node = await new Promise<CanvasNode | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: ({ node?: CanvasNode } | null)[]) => resolve(res?.[0]?.node ?? null));
    });
    if (node && typeof node.getContext === 'function') return node;
    await wait(50);
  }
  return null;
}

/**
 * Where the canvas reads a picture from. The browser loads the URL itself; the mini program downloads it first
 * (a local temp file draws reliably, whatever the image domain settings), falling back to the URL.
 */
async function localSource(src: string): Promise<string> {
  if (isH5() || src.startsWith('data:')) return src;
  try {
    const { statusCode, tempFilePath } = await Taro.downloadFile({ url: src });
    return statusCode === 200 && tempFilePath ? tempFilePath : src;
  } catch {
    return src;
  }
}

/** Loads a picture for the canvas; null (drawn as a placeholder) when it fails or takes over 8 s. */
async function loadImage(canvas: CanvasNode, url: string | null): Promise<PosterImage | null> {
  const remote = resolveAssetUrl(url);
  if (!remote) return null;
  const src = await localSource(remote);
  return new Promise((resolve) => {
    const image: LoadableImage = canvas.createImage ? canvas.createImage() : (new Image() as LoadableImage);
    const timer = setTimeout(() => resolve(null), 8000);
    image.onload = () => {
      clearTimeout(timer);
      resolve({
        source: image as unknown as CanvasImageSource,
        width: image.naturalWidth || image.width,
        height: image.naturalHeight || image.height,
      });
    };
    image.onerror = () => {
      clearTimeout(timer);
      resolve(null);
    };
    image.src = src;
  });
}

async function exportImage(canvas: CanvasNode): Promise<string> {
  if (isH5()) {
    if (!canvas.toDataURL) throw new Error('canvas cannot export');
    return canvas.toDataURL('image/png');
  }
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
  });
  return tempFilePath;
}

/**
 * Draws the referral poster on a hidden Canvas 2D and hands back the picture. The canvas sits off screen: the page
 * shows the exported image, which the member can long-press or save.
 */
export function PosterCanvas({
  poster,
  onRendered,
  onFailed,
  canvasId = 'poster-canvas',
  pixelRatio = 2,
}: PosterCanvasProps) {
  const callbacks = useRef({ onRendered, onFailed });
  callbacks.current = { onRendered, onFailed };

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        await wait(0);
        const canvas = await queryCanvas(canvasId);
        if (!canvas) throw new Error('no canvas node');
        const [photo, avatar, code] = await Promise.all([
          loadImage(canvas, poster.imageUrl),
          loadImage(canvas, poster.promoter.avatarUrl),
          loadImage(canvas, poster.codeImageUrl),
        ]);
        if (cancelled) return;
        canvas.width = POSTER_WIDTH * pixelRatio;
        canvas.height = POSTER_HEIGHT * pixelRatio;
        const ctx = canvas.getContext('2d') as PosterContext | null;
        if (!ctx) throw new Error('no 2d context');
        ctx.scale(pixelRatio, pixelRatio);
        drawPoster(ctx, poster, { photo, avatar, code });
        if (!code) console.warn('[poster] the mini program code did not load');
        const url = await exportImage(canvas);
        if (!cancelled) callbacks.current.onRendered(url);
      } catch (error) {
        console.warn('[poster] drawing failed', error);
        if (!cancelled) callbacks.current.onFailed('海报生成失败，请重试');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [poster, canvasId, pixelRatio]);

  return (
    <Canvas
      type="2d"
      id={canvasId}
      className="poster-canvas"
      style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }}
    />
  );
}
