import type { AdminGiftView, CreateGiftRequest, GiftFulfilment, UpdateGiftRequest } from '@tidepool/shared';

/** The gift form's values as the fields hold them. */
export interface GiftFormValues {
  name: string;
  description?: string;
  imageUrl: string;
  pointsPrice: number;
  stock?: number;
  fulfilments: GiftFulfilment[];
  active: boolean;
  sort?: number;
}

export function toUpdateGiftRequest(values: GiftFormValues): UpdateGiftRequest {
  return {
    name: values.name.trim(),
    description: (values.description ?? '').trim(),
    imageUrl: values.imageUrl.trim(),
    pointsPrice: values.pointsPrice,
    fulfilments: values.fulfilments,
    active: values.active,
    ...(values.sort === undefined || values.sort === null ? {} : { sort: values.sort }),
  };
}

export function toCreateGiftRequest(values: GiftFormValues): CreateGiftRequest {
  return { ...toUpdateGiftRequest(values), stock: values.stock ?? 0 };
}

export function formValuesOf(gift: AdminGiftView): GiftFormValues {
  return {
    name: gift.name,
    description: gift.description,
    imageUrl: gift.imageUrl,
    pointsPrice: gift.pointsPrice,
    stock: gift.stock,
    fulfilments: gift.fulfilments,
    active: gift.active,
    sort: gift.sort,
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: '礼品名称',
  description: '礼品说明',
  imageUrl: '图片地址',
  pointsPrice: '所需积分',
  stock: '库存',
  fulfilments: '领取方式',
  active: '上架状态',
  sort: '排序',
  delta: '调整数量',
  carrier: '快递公司',
  trackingNo: '运单号',
};

/**
 * Inline errors for the fields a 400 names. The server's reasons are for developers (English), so each field
 * gets a plain Chinese line instead.
 */
export function inlineErrors(fields: string[], fallback: string): { name: string; errors: string[] }[] {
  return fields.map((field) => ({
    name: field,
    errors: [FIELD_LABELS[field] ? `${FIELD_LABELS[field]}填写有误` : fallback],
  }));
}
