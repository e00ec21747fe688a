import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { PRODUCT_IMAGE_RULES, type ProductImageUploadResponse } from '@tidepool/shared';
import type { Principal } from '../../common/auth/principal';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { AuditLog } from '../audit';

/** Where uploaded product images live (served at PRODUCT_IMAGES_URL_PREFIX by app.factory.ts). */
export function productImagesDir(dataDir: string): string {
  return path.join(dataDir, 'uploads', 'products');
}

export const PRODUCT_IMAGES_URL_PREFIX = '/uploads/products/';

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
type ImageType = keyof typeof EXTENSIONS;

/** The image type by the file's own first bytes: a label (Content-Type, file name) proves nothing. */
export function sniffImageType(data: Buffer): ImageType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

/**
 * Product images uploaded from the console. Stored content-addressed (`<sha256>.<ext>`): the same image uploaded
 * twice is one file and one URL, and a URL's content never changes, so it is served with an immutable cache
 * header. Public on purpose: product images are what the storefront shows to anyone.
 */
@Injectable()
export class ProductImagesService {
  private readonly dir: string;

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dir = productImagesDir(config.dataDir);
  }

  async upload(actor: Principal, body: unknown): Promise<ProductImageUploadResponse> {
    // Any other Content-Type reaches here parsed as something else (text, JSON): not an image either way.
    if (!Buffer.isBuffer(body)) throw new DomainException('IMAGE_INVALID');
    if (body.length === 0) {
      throw new DomainException('VALIDATION_FAILED', '请选择要上传的图片', [
        { field: 'file', reason: 'the image as the raw request body (image/jpeg, image/png or image/webp)' },
      ]);
    }
    if (body.length > PRODUCT_IMAGE_RULES.maxBytes) throw new DomainException('IMAGE_TOO_LARGE');
    const type = sniffImageType(body);
    if (!type) throw new DomainException('IMAGE_INVALID');
    const hash = createHash('sha256').update(body).digest('hex');
    const name = `${hash}.${EXTENSIONS[type]}`;
    const file = path.join(this.dir, name);
    const existed = await fs.stat(file).then(
      () => true,
      () => false,
    );
    if (!existed) {
      // Written aside and renamed into place: a reader never sees half a file under the final name, and two
      // uploads of the same image racing each other rename identical bytes.
      await fs.mkdir(this.dir, { recursive: true });
      const temp = path.join(this.dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(temp, body);
      await fs.rename(temp, file);
    }
    const url = `${PRODUCT_IMAGES_URL_PREFIX}${name}`;
    await this.transactions.run(() =>
      this.audit.record({
        actor,
        action: 'product_image.upload',
        objectType: 'product_image',
        objectId: hash,
        after: { url, mimeType: type, bytes: body.length, reused: existed },
      }),
    );
    return { url };
  }
}
