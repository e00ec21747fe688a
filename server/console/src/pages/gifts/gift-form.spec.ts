import { describe, expect, it } from 'vitest';
import { inlineErrors, toCreateGiftRequest, toUpdateGiftRequest } from './gift-form';

describe('gift form values → request', () => {
  const values = {
    name: ' 帆布袋 ',
    description: undefined,
    imageUrl: ' /static/demo/gifts/tote-bag.svg ',
    pointsPrice: 300,
    stock: 20,
    fulfilments: ['PICKUP' as const],
    active: true,
  };
  it('trims text, defaults the description, and leaves stock out of an edit', () => {
    expect(toUpdateGiftRequest(values)).toEqual({
      name: '帆布袋',
      description: '',
      imageUrl: '/static/demo/gifts/tote-bag.svg',
      pointsPrice: 300,
      fulfilments: ['PICKUP'],
      active: true,
    });
    expect(toCreateGiftRequest(values).stock).toBe(20);
    expect(toCreateGiftRequest({ ...values, stock: undefined }).stock).toBe(0);
  });

  it('words the fields a refusal names in Chinese', () => {
    expect(inlineErrors(['pointsPrice', 'weird'], '请求参数有误')).toEqual([
      { name: 'pointsPrice', errors: ['所需积分填写有误'] },
      { name: 'weird', errors: ['请求参数有误'] },
    ]);
  });
});
