import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SignupCodeInfo } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { type StaffAccountView, StaffService } from '../staff';
import { WechatGateway } from '../wechat';
import { SignupCode } from './signup-code.entity';
import { Store } from './store.entity';

/** The page a signup code opens; the token arrives as `scene` (weapp) or `?token=` (H5). */
export const SIGNUP_PAGE = 'packages/member/pages/signup/index';

const TOKEN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const TOKEN_LENGTH = 16; // 16 × log2(57) ≈ 93 bits; wxacode allows 32 characters

function newToken(): string {
  const bytes = randomBytes(TOKEN_LENGTH * 2);
  let token = '';
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte < 256 - (256 % TOKEN_ALPHABET.length)) token += TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length];
    if (token.length === TOKEN_LENGTH) return token;
  }
  return token + newToken().slice(token.length);
}

export interface ResolvedSignupCode {
  code: SignupCode;
  store: Store;
  staff: StaffAccountView | null;
}

/**
 * Store and staff signup codes (in-store signup). The token row is the source of truth; the image is a cache:
 * fetched from wxacode.getUnlimited once per token and kept under DATA_DIR, so a busy till never asks WeChat
 * twice (getUnlimited is rate limited) and a second replica costs at most one more fetch.
 */
@Injectable()
export class SignupCodesService {
  private readonly logger = new Logger(SignupCodesService.name);
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(
    @InjectRepository(SignupCode) private readonly codes: Repository<SignupCode>,
    @InjectRepository(Store) private readonly stores: Repository<Store>,
    private readonly staff: StaffService,
    private readonly wechat: WechatGateway,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The code of a store, or of one staff member of it; made on first request, the same ever after. */
  async codeFor(storeId: number, staffId: number | null): Promise<SignupCode> {
    const store = await this.stores.findOneBy({ id: storeId });
    if (!store) throw new DomainException('STORE_NOT_FOUND');
    const ownerKey = staffId === null ? `store:${storeId}` : `staff:${staffId}`;
    const existing = await this.codes.findOneBy({ ownerKey });
    if (existing) return existing;
    const row = { token: newToken(), ownerKey, storeId, staffId, createdAt: this.clock.now() };
    try {
      const result = await this.codes.insert(row);
      return { ...row, id: Number((result.identifiers[0] as { id: number }).id) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.codes.findOneByOrFail({ ownerKey });
    }
  }

  async resolve(token: string): Promise<ResolvedSignupCode> {
    const code = /^[A-Za-z0-9]{1,32}$/.test(token) ? await this.codes.findOneBy({ token }) : null;
    const store = code ? await this.stores.findOneBy({ id: code.storeId }) : null;
    if (!code || !store) throw new DomainException('SIGNUP_CODE_NOT_FOUND');
    const staff = code.staffId === null ? null : await this.staff.findById(code.staffId);
    return { code, store, staff };
  }

  async info(token: string): Promise<SignupCodeInfo> {
    const { code, store, staff } = await this.resolve(token);
    return { token: code.token, storeName: store.name, staffName: staff?.displayName ?? null };
  }

  /**
   * The code image (PNG), from the cache or fetched once even when many requests ask at the same time. The till
   * shows the 430 px default; the console's printable poster asks for WeChat's largest, 1280 px, so the printed
   * code stays sharp at A5 and larger.
   */
  image(token: string, width: 430 | 1280 = 430): Promise<Buffer> {
    const key = width === 430 ? token : `${token}-w${width}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.loadImage(token, key, width).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async loadImage(token: string, key: string, width: number): Promise<Buffer> {
    const file = path.join(this.config.dataDir, 'wxacode', `${key}.png`);
    try {
      return await fs.readFile(file);
    } catch {
      // Not cached yet.
    }
    const image = await this.wechat.getUnlimitedQrCode({ scene: token, page: SIGNUP_PAGE, width });
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(`${file}.${process.pid}.tmp`, image);
      await fs.rename(`${file}.${process.pid}.tmp`, file);
    } catch (error) {
      // A read-only disk costs a refetch next time, not the request.
      this.logger.warn({ msg: 'signup code image not cached', reason: (error as Error).message });
    }
    return image;
  }
}
