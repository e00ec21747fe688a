import Taro from '@tarojs/taro';
import {
  PAGINATION,
  type AfterSaleOptionsResponse,
  type AfterSalePhotoView,
  type AfterSaleView,
  type ApplyAfterSaleRequest,
  type Page,
  type SubmitReturnParcelRequest,
} from '@tidepool/shared';
import { errorFromResponse, networkError } from '../api-error';
import { buildUrl } from '../http';
import { ensureMemberLogin, memberRequest } from '../session';

/** After-sales (售后): the member's applications, their return parcels, and photo uploads. */

const afterSalePath = (id: number, action = '') => `/api/after-sales/${encodeURIComponent(String(id))}${action}`;

/** GET /api/after-sales/options?orderId=: lines with units left, the types allowed now, why not. */
export function getAfterSaleOptions(orderId: number): Promise<AfterSaleOptionsResponse> {
  return memberRequest<AfterSaleOptionsResponse>('/api/after-sales/options', { query: { orderId } });
}

/** POST /api/after-sales: one after-sale per line; idempotent by clientRequestId. */
export function applyAfterSale(body: ApplyAfterSaleRequest): Promise<AfterSaleView[]> {
  return memberRequest<AfterSaleView[]>('/api/after-sales', {
    method: 'POST',
    body: { ...body, lines: body.lines.map(({ lineId, quantity }) => ({ lineId, quantity })) },
  });
}

export function listAfterSales(
  page: number,
  pageSize: number = PAGINATION.defaultPageSize,
): Promise<Page<AfterSaleView>> {
  return memberRequest<Page<AfterSaleView>>('/api/after-sales', { query: { page, pageSize } });
}

export function getAfterSale(id: number): Promise<AfterSaleView> {
  return memberRequest<AfterSaleView>(afterSalePath(id));
}

/** POST /api/after-sales/:id/cancel: withdraw while 待审核. */
export function cancelAfterSale(id: number): Promise<AfterSaleView> {
  return memberRequest<AfterSaleView>(afterSalePath(id, '/cancel'), { method: 'POST' });
}

/** POST /api/after-sales/:id/return: the parcel sent back (while 待退货). */
export function submitReturnParcel(id: number, body: SubmitReturnParcelRequest): Promise<AfterSaleView> {
  return memberRequest<AfterSaleView>(afterSalePath(id, '/return'), { method: 'POST', body: { ...body } });
}

/**
 * Uploads one photo chosen with Taro.chooseImage (weapp: a temp file path; H5: a blob URL) as multipart field
 * `file`. The server checks the type by the file's bytes and the size (≤ 5 MB).
 */
export async function uploadAfterSalePhoto(filePath: string): Promise<AfterSalePhotoView> {
  const token = await ensureMemberLogin();
  let result: Taro.uploadFile.SuccessCallbackResult;
  try {
    result = await Taro.uploadFile({
      url: buildUrl('/api/after-sales/photos'),
      filePath,
      name: 'file',
      header: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw networkError();
  }
  let body: unknown = result.data;
  try {
    body = JSON.parse(result.data);
  } catch {
    // left as text: errorFromResponse makes it INTERNAL_ERROR
  }
  if (result.statusCode !== 200) throw errorFromResponse(result.statusCode, body);
  return body as AfterSalePhotoView;
}
