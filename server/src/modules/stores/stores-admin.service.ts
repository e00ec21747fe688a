import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AdminStoreSignupCodeView, AdminStoreView, Page } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import type { Principal, StoreScope } from '../../common/auth/principal';
import { Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { StaffService } from '../staff';
import type { AdminStoreQueryDto, SaveStoreDto } from './dto/admin-stores.requests';
import { SIGNUP_PAGE, SignupCodesService } from './signup-codes.service';
import { Brand } from './brand.entity';
import { Store } from './store.entity';

/** The fields an audit entry shows (what the operator can edit). */
type StoreSnapshot = Pick<
  Store,
  'code' | 'name' | 'address' | 'timeZone' | 'latitude' | 'longitude' | 'opensAt' | 'closesAt' | 'pickupEnabled'
>;

const snapshot = (s: Store): StoreSnapshot => ({
  code: s.code,
  name: s.name,
  address: s.address,
  timeZone: s.timeZone,
  latitude: s.latitude,
  longitude: s.longitude,
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  pickupEnabled: s.pickupEnabled,
});

const fields = (dto: SaveStoreDto): StoreSnapshot => ({
  code: dto.code,
  name: dto.name,
  address: dto.address ?? '',
  timeZone: dto.timeZone,
  latitude: dto.latitude ?? null,
  longitude: dto.longitude ?? null,
  opensAt: dto.opensAt ?? null,
  closesAt: dto.closesAt ?? null,
  pickupEnabled: dto.pickupEnabled ?? true,
});

const codeTaken = (code: string) =>
  new DomainException('STORE_CODE_TAKEN', `门店编码 ${code} 已被使用`, [{ field: 'code', reason: 'code is taken' }]);

/**
 * The console's 门店: list, create, edit and the printable signup code. A store manager's scope is their own
 * store, applied in every query, so another store is simply not found.
 */
@Injectable()
export class StoresAdminService {
  constructor(
    @InjectRepository(Store) private readonly stores: Repository<Store>,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly staff: StaffService,
    private readonly signupCodes: SignupCodesService,
  ) {}

  async list(query: AdminStoreQueryDto, scope: StoreScope): Promise<Page<AdminStoreView>> {
    const qb = this.stores.createQueryBuilder('s');
    if (scope.storeId !== null) qb.andWhere('s.id = :scope', { scope: scope.storeId });
    if (query.q) {
      // `!` as the LIKE escape: a backslash literal is spelled differently in MySQL and SQLite.
      qb.andWhere("(s.name LIKE :q ESCAPE '!' OR s.code LIKE :q ESCAPE '!')", {
        q: `%${query.q.replace(/[!%_]/g, (ch) => `!${ch}`)}%`,
      });
    }
    const [rows, total] = await qb.orderBy('s.id', 'ASC').skip(query.offset).take(query.pageSize).getManyAndCount();
    const counts = await this.staff.countByStore(rows.map((r) => r.id));
    return toPage(
      rows.map((r) => this.view(r, counts.get(r.id) ?? 0)),
      total,
      query,
    );
  }

  async get(id: number, scope: StoreScope): Promise<AdminStoreView> {
    const store = await this.find(id, scope);
    const counts = await this.staff.countByStore([id]);
    return this.view(store, counts.get(id) ?? 0);
  }

  async create(actor: Principal, dto: SaveStoreDto): Promise<AdminStoreView> {
    // One brand per deployment (pnpm setup:brand makes it); its stores all hang off the first row.
    const [brand] = await this.stores.manager.getRepository(Brand).find({ order: { id: 'ASC' }, take: 1 });
    if (!brand) throw new DomainException('STORE_NOT_FOUND', '请先创建品牌');
    const brandId = brand.id;
    const after = fields(dto);
    const id = await this.transactions.run(async (manager) => {
      let storeId: number;
      try {
        const result = await manager.insert(Store, { brandId, ...after });
        storeId = Number((result.identifiers[0] as { id: number }).id);
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(dto.code);
        throw error;
      }
      await this.audit.record({
        actor,
        action: 'store.create',
        objectType: 'store',
        objectId: storeId,
        storeId,
        after,
      });
      return storeId;
    });
    return this.get(id, { storeId: null });
  }

  async update(actor: Principal, id: number, dto: SaveStoreDto, scope: StoreScope): Promise<AdminStoreView> {
    await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Store);
      const current = await repo.findOneBy(scope.storeId === null || scope.storeId === id ? { id } : { id: -1 });
      if (!current) throw new DomainException('STORE_NOT_FOUND');
      const before = snapshot(current);
      const after = fields(dto);
      try {
        await repo.update({ id }, after);
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(dto.code);
        throw error;
      }
      await this.audit.record({
        actor,
        action: 'store.update',
        objectType: 'store',
        objectId: id,
        storeId: id,
        before,
        after,
      });
    });
    return this.get(id, scope);
  }

  async signupCode(id: number, scope: StoreScope): Promise<AdminStoreSignupCodeView> {
    const store = await this.find(id, scope);
    const code = await this.signupCodes.codeFor(store.id, null);
    return {
      storeId: store.id,
      storeName: store.name,
      token: code.token,
      page: `${SIGNUP_PAGE}?scene=${code.token}`,
      h5Url: `/${SIGNUP_PAGE}?token=${code.token}`,
      imagePath: `/api/admin/stores/${store.id}/signup-code.png`,
    };
  }

  /** The store's mini program code (wxacode.getUnlimited, or the development gateway's QR of the same scene). */
  async signupPng(id: number, scope: StoreScope): Promise<Buffer> {
    const store = await this.find(id, scope);
    const code = await this.signupCodes.codeFor(store.id, null);
    return this.signupCodes.image(code.token, 1280);
  }

  private async find(id: number, scope: StoreScope): Promise<Store> {
    const store = scope.storeId === null || scope.storeId === id ? await this.stores.findOneBy({ id }) : null;
    if (!store) throw new DomainException('STORE_NOT_FOUND');
    return store;
  }

  private view(s: Store, staffCount: number): AdminStoreView {
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      address: s.address,
      timeZone: s.timeZone,
      latitude: s.latitude,
      longitude: s.longitude,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      pickupEnabled: s.pickupEnabled,
      staffCount,
      createdAt: s.createdAt.toISOString(),
    };
  }
}
