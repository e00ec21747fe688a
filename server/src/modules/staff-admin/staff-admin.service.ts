import { Injectable } from '@nestjs/common';
import type { AdminStaffView, Page, StaffWechatInviteResponse } from '@tidepool/shared';
import { Clock } from '../../common/clock/clock.service';
import { storeScopeOf, type Principal } from '../../common/auth/principal';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { hashPassword, StaffService, type StaffAdminRecord } from '../staff';
import { StoresService } from '../stores';
import type { AdminStaffQueryDto, CreateStaffDto, ResetStaffPasswordDto } from './dto/staff-admin.requests';

/** What the audit trail keeps of an account: never the password hash or an invite code. */
const snapshot = (r: StaffAdminRecord) => ({
  username: r.username,
  role: r.role,
  storeId: r.storeId,
  displayName: r.displayName,
  disabledAt: r.disabledAt?.toISOString() ?? null,
});

/**
 * The console's 员工: staff accounts per store. An operator manages every account; a store manager only the
 * cashiers of their own store (another store's account is not found; a manager or operator of their own
 * store is visible but refused). Every write is audited in the same unit of work.
 */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly staff: StaffService,
    private readonly stores: StoresService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(query: AdminStaffQueryDto, actor: Principal): Promise<Page<AdminStaffView>> {
    const { storeId: scopeStoreId } = storeScopeOf(actor);
    const { rows, total } = await this.staff.adminPage(
      { scopeStoreId, storeId: query.storeId, role: query.role, q: query.q, status: query.status },
      query.offset,
      query.pageSize,
    );
    return toPage(await this.views(rows), total, query);
  }

  async get(id: number, actor: Principal): Promise<AdminStaffView> {
    const [view] = await this.views([await this.find(id, actor)]);
    return view;
  }

  async create(actor: Principal, dto: CreateStaffDto): Promise<AdminStaffView> {
    const { storeId: scopeStoreId } = storeScopeOf(actor);
    if (scopeStoreId !== null && scopeStoreId !== dto.storeId) throw new DomainException('STORE_NOT_FOUND');
    if (actor.role !== 'operator' && dto.role !== 'cashier') throw new DomainException('FORBIDDEN');
    if (!(await this.stores.findById(dto.storeId))) {
      throw new DomainException('STORE_NOT_FOUND', '门店不存在', [{ field: 'storeId', reason: 'no such store' }]);
    }
    const passwordHash = await hashPassword(dto.password);
    const id = await this.transactions.run(async (manager) => {
      const staffId = await this.staff.create(manager, {
        username: dto.username,
        passwordHash,
        role: dto.role,
        storeId: dto.storeId,
        displayName: dto.displayName,
      });
      const created = await this.staff.adminFind(staffId, null, manager);
      await this.audit.record({
        actor,
        action: 'staff.create',
        objectType: 'staff',
        objectId: staffId,
        storeId: dto.storeId,
        after: created && snapshot(created),
      });
      return staffId;
    });
    return this.get(id, actor);
  }

  /** Sets the password the admin chose (told to the person directly); answers nothing secret. */
  async resetPassword(actor: Principal, id: number, dto: ResetStaffPasswordDto): Promise<void> {
    const target = await this.findManageable(id, actor);
    const passwordHash = await hashPassword(dto.password);
    await this.transactions.run(async (manager) => {
      await this.staff.setPasswordHash(manager, id, passwordHash);
      await this.audit.record({
        actor,
        action: 'staff.reset_password',
        objectType: 'staff',
        objectId: id,
        storeId: target.storeId,
        // The fact only: neither the password nor its hash belongs in the trail.
        after: { passwordReset: true },
      });
    });
  }

  async setDisabled(actor: Principal, id: number, disabled: boolean): Promise<AdminStaffView> {
    const target = await this.findManageable(id, actor);
    // Locking oneself out of the console would need another admin to undo it.
    if (disabled && target.id === actor.id) throw new DomainException('FORBIDDEN', '不能停用自己的账号');
    if ((target.disabledAt !== null) !== disabled) {
      await this.transactions.run(async (manager) => {
        await this.staff.setDisabledAt(manager, id, disabled ? this.clock.now() : null);
        const after = await this.staff.adminFind(id, null, manager);
        await this.audit.record({
          actor,
          action: disabled ? 'staff.disable' : 'staff.enable',
          objectType: 'staff',
          objectId: id,
          storeId: target.storeId,
          before: snapshot(target),
          after: after && snapshot(after),
        });
      });
    }
    return this.get(id, actor);
  }

  /** A new WeChat-binding invite (replaces a pending one); the code is shown once, only its hash is kept. */
  async wechatInvite(actor: Principal, id: number): Promise<StaffWechatInviteResponse> {
    const target = await this.findManageable(id, actor);
    return this.transactions.run(async (manager) => {
      const { inviteCode, expiresAt } = await this.staff.createWechatInvite(id, manager);
      await this.audit.record({
        actor,
        action: 'staff.wechat_invite',
        objectType: 'staff',
        objectId: id,
        storeId: target.storeId,
        after: { inviteExpiresAt: expiresAt.toISOString() },
      });
      return { inviteCode, expiresAt: expiresAt.toISOString() };
    });
  }

  private async find(id: number, actor: Principal): Promise<StaffAdminRecord> {
    const record = await this.staff.adminFind(id, storeScopeOf(actor).storeId);
    if (!record) throw new DomainException('STAFF_NOT_FOUND');
    return record;
  }

  /** In scope, and a store manager acts on cashiers only. */
  private async findManageable(id: number, actor: Principal): Promise<StaffAdminRecord> {
    const record = await this.find(id, actor);
    if (actor.role !== 'operator' && record.role !== 'cashier') throw new DomainException('FORBIDDEN');
    return record;
  }

  private async views(rows: StaffAdminRecord[]): Promise<AdminStaffView[]> {
    const names = await this.stores.namesById(rows.flatMap((r) => (r.storeId === null ? [] : [r.storeId])));
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      role: r.role,
      storeId: r.storeId,
      storeName: r.storeId === null ? null : (names.get(r.storeId) ?? null),
      displayName: r.displayName,
      wechatBound: r.wechatBound,
      inviteExpiresAt:
        r.inviteExpiresAt && r.inviteExpiresAt.getTime() > this.clock.now().getTime()
          ? r.inviteExpiresAt.toISOString()
          : null,
      disabledAt: r.disabledAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
