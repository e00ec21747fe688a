import { PlusOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS, PRODUCT_IMAGE_RULES, type ProductImageUploadResponse } from '@tidepool/shared';
import { App, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { imageFileProblem } from './sku-matrix';

/**
 * The product's images as a picture wall: each file goes to the server as the raw body and comes back as a URL;
 * the first image is the cover. A form control: `value` is the list of URLs.
 */
export function ImageUploader({ value = [], onChange }: { value?: string[]; onChange?: (urls: string[]) => void }) {
  const { message } = App.useApp();
  // Uploads in flight are shown beside the finished URLs, so their progress and failures are visible.
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [urls, setUrls] = useState(value);
  useEffect(() => setUrls(value), [value]);

  const done: UploadFile[] = urls.map((url, index) => ({
    uid: url,
    name: index === 0 ? '封面' : `图片 ${index + 1}`,
    status: 'done',
    url,
  }));

  return (
    <Upload
      listType="picture-card"
      accept={PRODUCT_IMAGE_RULES.mimeTypes.join(',')}
      multiple
      fileList={[...done, ...pending]}
      beforeUpload={(file) => {
        const problem = imageFileProblem(file);
        if (problem) {
          void message.error(`${file.name}：${problem}`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const blob = file as File & { uid: string };
        setPending((list) => [...list, { uid: blob.uid, name: blob.name, status: 'uploading' }]);
        api<ProductImageUploadResponse>('POST', '/admin/catalog/images', { raw: blob })
          .then((answer) => {
            setPending((list) => list.filter((f) => f.uid !== blob.uid));
            setUrls((current) => {
              const next = current.includes(answer.url) ? current : [...current, answer.url];
              onChange?.(next);
              return next;
            });
            onSuccess?.(answer);
          })
          .catch((e: unknown) => {
            setPending((list) => list.filter((f) => f.uid !== blob.uid));
            void message.error(e instanceof ApiError ? e.message : '图片上传失败，请重试');
            onError?.(e as Error);
          });
      }}
      onRemove={(file) => {
        if (file.status !== 'done') return true;
        const next = urls.filter((url) => url !== file.url);
        setUrls(next);
        onChange?.(next);
        return true;
      }}
    >
      {urls.length + pending.length < CATALOG_LIMITS.maxImages && (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传图片</div>
        </div>
      )}
    </Upload>
  );
}
