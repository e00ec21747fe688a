import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  agreePrivacy,
  disagreePrivacy,
  openPrivacyContract,
  PRIVACY_AGREE_BUTTON_ID,
  subscribePrivacyPrompt,
  type PrivacyPrompt,
} from './privacy';
import './index.scss';

export interface PrivacySheetProps {
  /** The guide's name from wx.getPrivacySetting, e.g. 《…隐私保护指引》. */
  contractName: string;
  onAgree: () => void;
  onDisagree: () => void;
  onOpenContract: () => void;
}

/**
 * 隐私保护提示: the member reads (link to the full guide) and agrees or refuses. 同意 is WeChat's
 * agreePrivacyAuthorization button, so WeChat records the agreement itself; the browser build taps it.
 */
export function PrivacySheet({ contractName, onAgree, onDisagree, onOpenContract }: PrivacySheetProps) {
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className="privacy-sheet" catchMove>
      <View className="privacy-sheet__mask" onClick={onDisagree} />
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护提示</Text>
        <View className="privacy-sheet__body">
          <Text>使用此功能前，请阅读并同意</Text>
          <Text className="privacy-sheet__link privacy-contract-link" onClick={onOpenContract}>
            {contractName}
          </Text>
          <Text>。我们只在你使用相应功能时处理所需信息；不同意不影响浏览商品和下单支付。</Text>
        </View>
        <View className="privacy-sheet__actions">
          <View className="privacy-sheet__button privacy-sheet__button--refuse privacy-refuse" onClick={onDisagree}>
            拒绝
          </View>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-sheet__button privacy-sheet__button--agree privacy-agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={onAgree}
            onClick={h5 ? onAgree : undefined}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}

/** Where the sheet goes: the page that made the held call (the browser build: over everything). */
function container(prompt: PrivacyPrompt): unknown {
  if (process.env.TARO_ENV === 'h5') return document.body;
  return document.getElementById(prompt.pagePath);
}

/**
 * Rendered once beside the pages (app.tsx); shows the sheet on the page whose call WeChat is holding. Each page is
 * its own root in a mini program, so the sheet is portalled into that page's root.
 */
export function PrivacyHost() {
  const [prompt, setPrompt] = useState<PrivacyPrompt | null>(null);
  useEffect(() => subscribePrivacyPrompt(setPrompt), []);
  if (!prompt) return null;
  const target = container(prompt);
  if (!target) return null;
  return createPortal(
    <PrivacySheet
      contractName={prompt.contractName}
      onAgree={agreePrivacy}
      onDisagree={disagreePrivacy}
      onOpenContract={openPrivacyContract}
    />,
    target,
  );
}
