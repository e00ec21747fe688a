import { ApiError } from '../../api/client';
import { readSession } from '../../auth/session';

/** An authenticated image (an <img> cannot send the bearer token), as a Blob for an object URL. */
export async function fetchImage(path: string): Promise<Blob> {
  const session = readSession();
  const response = await fetch(path, {
    headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
  });
  if (!response.ok) throw new ApiError(response.status, 'HTTP_ERROR', `门店码图片加载失败（${response.status}）`);
  return response.blob();
}
