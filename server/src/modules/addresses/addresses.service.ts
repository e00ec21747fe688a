import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ADDRESS_LIMITS, type AddressInput, type AddressView, regionText } from '@tidepool/shared';
import { type EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { MemberAddress } from './member-address.entity';

/**
 * The member's address book. Every method takes the caller's member id and touches only that member's rows, so
 * another member's address id is simply not found. Writes run in one transaction that first locks the member's
 * rows (MySQL), so the 20-address cap and the single default hold under concurrent requests.
 */
@Injectable()
export class AddressesService {
  constructor(
    @InjectRepository(MemberAddress) private readonly addresses: Repository<MemberAddress>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Default first, then the most recently changed. */
  async list(memberId: number): Promise<AddressView[]> {
    const rows = await this.addresses.find({
      where: { memberId },
      order: { isDefault: 'DESC', updatedAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toView);
  }

  async get(memberId: number, id: number): Promise<AddressView> {
    return toView(await this.own(this.addresses.manager, memberId, id));
  }

  async create(memberId: number, input: AddressInput): Promise<AddressView> {
    return this.transactions.run(async (manager) => {
      const existing = await this.lockBook(manager, memberId);
      if (existing.length >= ADDRESS_LIMITS.maxPerMember) throw new DomainException('ADDRESS_LIMIT_REACHED');
      const now = this.clock.now();
      const makeDefault = existing.length === 0 || input.isDefault === true;
      if (makeDefault) await this.clearDefault(manager, memberId);
      const row = await manager.save(
        manager.create(MemberAddress, {
          ...fields(input),
          memberId,
          isDefault: makeDefault,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return toView(row);
    });
  }

  async update(memberId: number, id: number, input: AddressInput): Promise<AddressView> {
    return this.transactions.run(async (manager) => {
      await this.lockBook(manager, memberId);
      const row = await this.own(manager, memberId, id);
      // Unticking 默认 on the default address leaves it the default: a book with addresses always has one.
      if (input.isDefault === true && !row.isDefault) {
        await this.clearDefault(manager, memberId);
        row.isDefault = true;
      }
      Object.assign(row, fields(input), { updatedAt: this.clock.now() });
      return toView(await manager.save(row));
    });
  }

  async setDefault(memberId: number, id: number): Promise<AddressView> {
    return this.transactions.run(async (manager) => {
      await this.lockBook(manager, memberId);
      const row = await this.own(manager, memberId, id);
      if (row.isDefault) return toView(row);
      await this.clearDefault(manager, memberId);
      row.isDefault = true;
      row.updatedAt = this.clock.now();
      return toView(await manager.save(row));
    });
  }

  /** Deleting the default makes the most recently changed remaining address the default. */
  async remove(memberId: number, id: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.lockBook(manager, memberId);
      const row = await this.own(manager, memberId, id);
      await manager.delete(MemberAddress, { id: row.id, memberId });
      if (!row.isDefault) return;
      const next = await manager.findOne(MemberAddress, {
        where: { memberId },
        order: { updatedAt: 'DESC', id: 'DESC' },
      });
      if (next) await manager.update(MemberAddress, { id: next.id, memberId }, { isDefault: true });
    });
  }

  private async own(manager: EntityManager, memberId: number, id: number): Promise<MemberAddress> {
    const row = await manager.findOneBy(MemberAddress, { id, memberId });
    if (!row) throw new DomainException('ADDRESS_NOT_FOUND');
    return row;
  }

  /** The member's rows, locked on MySQL (next-key locks also hold off a concurrent insert for the member). */
  private lockBook(manager: EntityManager, memberId: number): Promise<MemberAddress[]> {
    const qb = manager.createQueryBuilder(MemberAddress, 'a').where('a.memberId = :memberId', { memberId });
    if (manager.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  private async clearDefault(manager: EntityManager, memberId: number): Promise<void> {
    await manager.update(MemberAddress, { memberId, isDefault: true }, { isDefault: false });
  }
}

function fields(input: AddressInput) {
  return {
    recipientName: input.recipientName,
    phone: input.phone,
    province: input.province,
    city: input.city,
    district: input.district,
    detail: input.detail,
  };
}

function toView(row: MemberAddress): AddressView {
  return {
    id: row.id,
    recipientName: row.recipientName,
    phone: row.phone,
    province: row.province,
    city: row.city,
    district: row.district,
    detail: row.detail,
    isDefault: row.isDefault,
    region: regionText(row.province, row.city, row.district),
    updatedAt: row.updatedAt.toISOString(),
  };
}
