import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { SHARE_TARGET_TYPES, type PosterView, type ShareTargetType } from '@tidepool/shared';
import {
  ALBUM_DENIED_MESSAGE,
  ALBUM_DENIED_TITLE,
  isAlbumPermissionDenied,
  isUserCancel,
} from '@/components/share/poster';
import { PosterCanvas } from '@/components/share/poster-canvas';
import { LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { ApiError } from '@/services/api-error';
import { createPoster } from '@/services/distribution.api';
import { isH5 } from '@/services/env';
import { toast } from '@/utils/toast';
import { PromoterError } from '../../components';
import '../../promoter.scss';
import './index.scss';

function readTarget(
  params: Record<string, string | undefined>,
): { targetType: ShareTargetType; targetId?: number } | null {
  const type = (SHARE_TARGET_TYPES as readonly string[]).includes(params.type ?? '')
    ? (params.type as ShareTargetType)
    : null;
  if (!type) return null;
  if (type === 'STORE') return { targetType: type };
  const id = Number(params.id);
  return Number.isSafeInteger(id) && id > 0 ? { targetType: type, targetId: id } : null;
}

async function saveToAlbum(filePath: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    toast('海报已保存到相册');
  } catch (error) {
    const errMsg = (error as { errMsg?: string } | null)?.errMsg ?? '';
    if (isUserCancel(errMsg)) return;
    if (!isAlbumPermissionDenied(errMsg)) {
      toast('保存失败，请重试');
      return;
    }
    // Refused now or before: WeChat will not ask again, only the settings page can allow it.
    const { confirm } = await Taro.showModal({
      title: ALBUM_DENIED_TITLE,
      content: ALBUM_DENIED_MESSAGE,
      confirmText: '去设置',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }));
    if (confirm) await Taro.openSetting().catch(() => undefined);
  }
}

/** The browser build: download the PNG (long-pressing the picture also works on phones). */
function downloadImage(dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = 'tidepool-poster.png';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** 推广海报: the poster drawn with the promoter's mini program code, saved to the album (weapp) or downloaded (H5). */
export default function PosterPage() {
  const router = useRouter();
  const target = readTarget(router.params);
  const poster = useAsync<PosterView>(
    () => (target ? createPoster(target) : Promise.reject(new ApiError('SHARE_TARGET_NOT_FOUND', 404))),
    [target?.targetType, target?.targetId],
  );
  const [image, setImage] = useState<string | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const data = poster.state.data;

  if (poster.state.status === 'error' && !data) {
    return (
      <View className="promoter-page">
        <PromoterError error={poster.state.error} onRetry={() => void poster.reload()} />
      </View>
    );
  }

  return (
    <View className="promoter-page poster-page">
      {data ? (
        <PosterCanvas
          key={attempt}
          poster={data}
          onRendered={(url) => {
            setImage(url);
            setDrawError(null);
          }}
          onFailed={setDrawError}
        />
      ) : null}
      {image ? (
        <Image className="poster-page__image poster-image" src={image} mode="aspectFit" showMenuByLongpress />
      ) : drawError ? (
        <View className="poster-page__failed">
          <Text className="poster-error">{drawError}</Text>
          <View
            className="btn btn--ghost btn--small retry-button"
            onClick={() => {
              setDrawError(null);
              setAttempt(attempt + 1);
            }}
          >
            重试
          </View>
        </View>
      ) : (
        <LoadingState variant="detail" text="海报生成中…" />
      )}
      {data ? <Text className="poster-page__copy poster-copy">{data.copy}</Text> : null}
      {image ? (
        <View className="poster-page__actions">
          {isH5() ? (
            <>
              <View className="btn btn--primary btn--block poster-save" onClick={() => downloadImage(image)}>
                下载海报
              </View>
              <Text className="poster-page__hint">手机上也可以长按图片保存</Text>
            </>
          ) : (
            <View className="btn btn--primary btn--block poster-save" onClick={() => void saveToAlbum(image)}>
              保存到相册
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
