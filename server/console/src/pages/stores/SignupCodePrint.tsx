import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { AdminStoreSignupCodeView } from '@tidepool/shared';
import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { fetchImage } from './signup-image';

// Only the sheet prints: the menu, header and buttons are hidden, and the sheet fills the page.
const PRINT_CSS = `
@media print {
  @page { size: A5 portrait; margin: 12mm; }
  body * { visibility: hidden !important; }
  .signup-sheet, .signup-sheet * { visibility: visible !important; }
  .signup-sheet { position: fixed; inset: 0; margin: 0; border: none !important; box-shadow: none !important; }
}`;

/** 门店码: the store's signup mini program code, large, with the store's name, to print or download. */
export function SignupCodePrint() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [code, setCode] = useState<AdminStoreSignupCodeView | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let url: string | null = null;
    api<AdminStoreSignupCodeView>('GET', `/admin/stores/${id}/signup-code`)
      .then(async (info) => {
        setCode(info);
        url = URL.createObjectURL(await fetchImage(info.imagePath));
        setImage(url);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '门店码加载失败'));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);

  if (error) return <Result status="404" title={error} />;
  if (!code) return <Spin style={{ display: 'block', margin: 96 }} />;
  return (
    <PageContainer
      title={`门店码 · ${code.storeName}`}
      onBack={() => void navigate(`/stores/${code.storeId}`)}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            disabled={!image}
            href={image ?? undefined}
            download={`门店码-${code.storeName}.png`}
          >
            下载 PNG
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!image} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      <style>{PRINT_CSS}</style>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="顾客用微信扫码即进入小程序「成为会员」页，并记为本店会员。门店码长期有效，重新打印不影响已张贴的码。"
      />
      <div
        className="signup-sheet"
        style={{
          background: '#fff',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          padding: '40px 24px',
          textAlign: 'center',
          maxWidth: 560,
          margin: '0 auto',
        }}
      >
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          扫码成为会员
        </Typography.Title>
        {image ? (
          <img
            src={image}
            alt={`${code.storeName} 门店码`}
            style={{ width: '100%', maxWidth: 440, aspectRatio: '1' }}
          />
        ) : (
          <Spin style={{ display: 'block', margin: 96 }} />
        )}
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {code.storeName}
        </Typography.Title>
        <Typography.Text type="secondary">微信扫一扫 · 入会领新人礼</Typography.Text>
      </div>
    </PageContainer>
  );
}
