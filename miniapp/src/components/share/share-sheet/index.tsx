import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fen, formatFen } from '@tidepool/shared';
import { requestPrivacyAgreement } from '@/components/privacy-sheet/privacy';
import { isH5 } from '@/services/env';
import { toast } from '@/utils/toast';
import './index.scss';

export interface ShareSheetProps {
  visible: boolean;
  onClose: () => void;
  /** The card's path (with the referral token when the member is a promoter). */
  path: string;
  /** 分享赚 ¥x: what one sale at the lowest price earns; 0 hides it. */
  estimatedCommissionFen?: number;
  /** Opens the poster page; omitted = no poster (not a promoter). */
  onPoster?: () => void;
}

/** The full link of a path on H5 (the browser build is served from the API's origin). */
export function h5Link(path: string): string {
  return typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
}

/**
 * 分享: a card to a WeChat friend (the share button; on H5 the link to copy) and, for promoters, the poster.
 */
export function ShareSheet({ visible, onClose, path, estimatedCommissionFen = 0, onPoster }: ShareSheetProps) {
  if (!visible) return null;
  const link = h5Link(path);
  const copy = () => {
    // The clipboard is a privacy API: the browser asks first, as WeChat does (a refusal has said why already).
    void requestPrivacyAgreement().then((agreed) => {
      if (!agreed) return;
      Taro.setClipboardData({ data: link })
        .then(() => toast('链接已复制，发给好友吧'))
        .catch(() => toast('复制失败，请长按链接复制'));
    });
  };
  return (
    <View className="share-sheet" catchMove>
      <View className="share-sheet__mask" onClick={onClose} />
      <View className="share-sheet__panel">
        <Text className="share-sheet__title">分享给好友</Text>
        {estimatedCommissionFen > 0 ? (
          <Text className="share-sheet__earn share-earn">{`好友下单，你预计可赚 ${formatFen(fen(estimatedCommissionFen))}`}</Text>
        ) : null}
        <View className="share-sheet__options">
          {isH5() ? (
            <View className="share-sheet__option share-copy-link" onClick={copy}>
              <View className="share-sheet__glyph">链</View>
              <Text className="share-sheet__label">复制链接</Text>
            </View>
          ) : (
            <Button className="share-sheet__option share-sheet__button share-friend" openType="share" onClick={onClose}>
              <View className="share-sheet__glyph">友</View>
              <Text className="share-sheet__label">微信好友</Text>
            </Button>
          )}
          {onPoster ? (
            <View className="share-sheet__option share-poster" onClick={onPoster}>
              <View className="share-sheet__glyph">图</View>
              <Text className="share-sheet__label">生成海报</Text>
            </View>
          ) : null}
        </View>
        {isH5() ? (
          <Text className="share-sheet__link share-link" selectable>
            {link}
          </Text>
        ) : null}
        <View className="share-sheet__cancel" onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
