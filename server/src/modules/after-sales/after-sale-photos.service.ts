import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AFTER_SALE_PHOTO_RULES, type AfterSalePhotoView } from '@tidepool/shared';
import { In, MoreThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { DomainException, RateLimitedException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { AfterSalePhoto } from './after-sale-photo.entity';
import { readMultipartFile, sniffImageType } from './multipart';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
/** Uploads one member may make in a day (applications take 6 at most; this stops a loop filling the disk). */
const DAILY_UPLOADS = 60;
/** A signed photo URL works for this long (long enough to look at the page, short enough not to leak for good). */
const URL_TTL_SECONDS = 2 * 3600;

/**
 * Photos for after-sale applications: stored under DATA_DIR/after-sale-photos with a random name, type checked
 * by the file's own bytes (JPEG/PNG/WebP) and size ≤ 5 MB. Shown through signed, expiring URLs handed only to the
 * member who uploaded them and to operators, since an <Image> cannot send the bearer token.
 */
@Injectable()
export class AfterSalePhotosService {
  private readonly dir: string;

  constructor(
    @InjectRepository(AfterSalePhoto) private readonly photos: Repository<AfterSalePhoto>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.dir = path.join(config.dataDir, 'after-sale-photos');
  }

  async upload(memberId: number, body: unknown, contentType: string | undefined): Promise<AfterSalePhotoView> {
    const file = Buffer.isBuffer(body) ? readMultipartFile(body, contentType, 'file') : null;
    if (!file || file.data.length === 0) {
      throw new DomainException('VALIDATION_FAILED', '请选择要上传的图片', [
        { field: 'file', reason: 'a multipart/form-data body with one file in field "file"' },
      ]);
    }
    if (file.data.length > AFTER_SALE_PHOTO_RULES.maxBytes) throw new DomainException('PHOTO_TOO_LARGE');
    const mimeType = sniffImageType(file.data);
    if (!mimeType) throw new DomainException('PHOTO_TYPE_UNSUPPORTED');
    const since = new Date(this.clock.now().getTime() - 86_400_000);
    const recent = await this.photos.find({
      select: { id: true, createdAt: true },
      where: { memberId, createdAt: MoreThan(since) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: DAILY_UPLOADS,
    });
    if (recent.length >= DAILY_UPLOADS) {
      // A slot frees when the oldest of the last DAILY_UPLOADS uploads leaves the 24-hour window.
      const frees = recent[DAILY_UPLOADS - 1].createdAt.getTime() + 86_400_000 - this.clock.now().getTime();
      throw new RateLimitedException(frees, '今天上传的图片太多了，请明天再试');
    }
    const storageKey = randomBytes(16).toString('hex');
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(this.fileOf(storageKey, mimeType), file.data, { flag: 'wx' });
    const saved = await this.photos.save(
      this.photos.create({ memberId, storageKey, mimeType, sizeBytes: file.data.length, createdAt: this.clock.now() }),
    );
    return this.view(saved.id);
  }

  /** Throws PHOTO_NOT_FOUND unless every id is a photo this member uploaded. */
  async assertOwned(memberId: number, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.photos.countBy({ id: In([...new Set(ids)]), memberId });
    if (found !== new Set(ids).size) {
      throw new DomainException('PHOTO_NOT_FOUND', undefined, [{ field: 'photoIds', reason: 'not your upload' }]);
    }
  }

  view(id: number): AfterSalePhotoView {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + URL_TTL_SECONDS;
    return { id, url: `/api/after-sales/photos/${id}/content?exp=${exp}&sig=${this.sign(id, exp)}` };
  }

  /** The file behind a signed URL; PHOTO_NOT_FOUND for a bad or expired signature (nothing tells which). */
  async open(id: number, exp: string, sig: string): Promise<{ mimeType: string; data: Buffer }> {
    const expires = /^\d{1,12}$/.test(exp) ? Number(exp) : 0;
    const expected = Buffer.from(this.sign(id, expires));
    const given = Buffer.from(sig);
    const valid =
      expires * 1000 >= this.clock.now().getTime() &&
      given.length === expected.length &&
      timingSafeEqual(given, expected);
    const photo = valid ? await this.photos.findOneBy({ id }) : null;
    if (!photo) throw new DomainException('PHOTO_NOT_FOUND');
    return { mimeType: photo.mimeType, data: await fs.readFile(this.fileOf(photo.storageKey, photo.mimeType)) };
  }

  private fileOf(storageKey: string, mimeType: string): string {
    return path.join(this.dir, `${storageKey}.${EXTENSIONS[mimeType] ?? 'bin'}`);
  }

  private sign(id: number, exp: number): string {
    return createHmac('sha256', this.config.auth.tokenSecret)
      .update(`after-sale-photo:${id}:${exp}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
