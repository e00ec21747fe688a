import { type DropSkuOption, fen } from '@tidepool/shared';
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { yuan } from '../../format';

/**
 * Picks a SKU by searching the catalogue. Every option seen is remembered in `known`, so the item table can show
 * the list price and check the drop price against it.
 */
export function SkuSelect({
  value,
  onChange,
  known,
  onKnown,
}: {
  value?: number;
  onChange?: (value: number) => void;
  known: ReadonlyMap<number, DropSkuOption>;
  onKnown: (options: DropSkuOption[]) => void;
}) {
  const [options, setOptions] = useState<DropSkuOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const search = (keyword: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api<DropSkuOption[]>('GET', '/admin/drops/sku-options', { query: { keyword } })
        .then((found) => {
          setOptions(found);
          onKnown(found);
        })
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
  };
  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
    // The first page once; later searches follow the typing.
  }, []);
  const current = value === undefined ? undefined : known.get(value);
  const shown = current && !options.some((o) => o.skuId === current.skuId) ? [current, ...options] : options;
  return (
    <Select<number>
      showSearch
      value={value}
      placeholder="搜索商品名称"
      filterOption={false}
      onSearch={search}
      onChange={(v) => onChange?.(v)}
      notFoundContent={loading ? <Spin size="small" /> : '没有匹配的商品'}
      style={{ width: '100%' }}
      data-testid="sku-select"
      options={shown.map((o) => ({
        value: o.skuId,
        label: `${o.productName}${o.specText ? ` · ${o.specText}` : ''}（${yuan(fen(o.priceFen))}）`,
      }))}
    />
  );
}
