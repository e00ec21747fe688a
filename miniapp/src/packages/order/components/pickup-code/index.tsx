import { Image, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { formatOrderPickupCode } from '@tidepool/shared';
import { qrSvg, svgDataUrl } from '@/utils/barcode/svg';

/** The pickup code as the cashier scans or types it: a QR code and the digits in groups of four. */
export function PickupCode({ code }: { code: string }) {
  const qr = useMemo(() => svgDataUrl(qrSvg(code)), [code]);
  return (
    <View className="pickup-code-box">
      <Text className="pickup-code-box__label">自提码</Text>
      <Image className="pickup-code-box__qr pickup-qr" src={qr} mode="aspectFit" />
      <Text className="pickup-code-box__digits order-pickup-code" userSelect>
        {formatOrderPickupCode(code)}
      </Text>
      <Text className="pickup-code-box__hint">到店向店员出示二维码或报出数字，核销后即可提货</Text>
    </View>
  );
}
