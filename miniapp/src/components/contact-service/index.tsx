import { useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useStorefrontSettings } from '@/hooks/use-promotions';
import './index.scss';

export interface ContactServiceProps {
  /** What the entry looks like (a cell, an icon with text…); defaults to the text 联系客服. */
  children?: ReactNode;
  className?: string;
}

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 联系客服: on weapp WeChat's own customer-service session (`open-type="contact"`); in a browser a sheet with the
 * service phone and hours the operator set (GET /api/storefront/settings).
 */
export function ContactService({ children, className = '' }: ContactServiceProps) {
  const [open, setOpen] = useState(false);
  const label = children ?? <Text className="contact-service__text">联系客服</Text>;
  if (IS_WEAPP) {
    return (
      <Button className={`contact-service contact-service--button ${className}`} openType="contact">
        {label}
      </Button>
    );
  }
  return (
    <>
      <View className={`contact-service ${className}`} onClick={() => setOpen(true)}>
        {label}
      </View>
      {open ? <ContactSheet onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ContactSheet({ onClose }: { onClose: () => void }) {
  const settings = useStorefrontSettings();
  const call = () => {
    if (!settings) return;
    Taro.makePhoneCall({ phoneNumber: settings.servicePhone.replace(/[\s-]/g, '') }).catch(() => undefined);
  };
  return (
    <View className="contact-sheet" catchMove>
      <View className="contact-sheet__mask" onClick={onClose} />
      <View className="contact-sheet__panel">
        <Text className="contact-sheet__title">联系客服</Text>
        {settings ? (
          <>
            <Text className="contact-sheet__phone service-phone" selectable>
              {settings.servicePhone}
            </Text>
            <Text className="contact-sheet__hours service-hours">服务时间：{settings.serviceHours}</Text>
            <View className="btn btn--primary contact-sheet__call" onClick={call}>
              拨打电话
            </View>
          </>
        ) : (
          <Text className="contact-sheet__hours">正在获取客服电话…</Text>
        )}
        <View className="contact-sheet__cancel" onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
