import { Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Between, type EntityManager, type Repository } from 'typeorm';
import { CustomerBinding, Promoter } from './distribution.entities';

/**
 * Read API of distribution for member facts (growth): who a member is bound to now, and which members are
 * approved promoters. A module of its own so readers need not import the whole distribution module (configured by
 * forRoot) to ask.
 */
@Injectable()
export class PromoterBindingsReader {
  constructor(
    @InjectRepository(CustomerBinding) private readonly bindings: Repository<CustomerBinding>,
    @InjectRepository(Promoter) private readonly promoters: Repository<Promoter>,
  ) {}

  /** The current binding's promoter id (promoters.id) of each member with an id in [fromMemberId, toMemberId]. */
  async boundPromoters(
    fromMemberId: number,
    toMemberId: number,
    manager?: EntityManager,
  ): Promise<Map<number, number>> {
    const repo = manager ? manager.getRepository(CustomerBinding) : this.bindings;
    const rows = await repo.find({
      select: { memberId: true, promoterId: true },
      where: { memberId: Between(fromMemberId, toMemberId) },
    });
    return new Map(rows.map((row) => [row.memberId, row.promoterId]));
  }

  /** The promoter id of each member in [fromMemberId, toMemberId] who is an approved promoter. */
  async approvedPromoters(
    fromMemberId: number,
    toMemberId: number,
    manager?: EntityManager,
  ): Promise<Map<number, number>> {
    const repo = manager ? manager.getRepository(Promoter) : this.promoters;
    const rows = await repo.find({
      select: { id: true, memberId: true },
      where: { memberId: Between(fromMemberId, toMemberId), status: 'APPROVED' },
    });
    return new Map(rows.map((row) => [row.memberId, row.id]));
  }

  /** The member behind a promoter id, if any. */
  async memberOfPromoter(promoterId: number, manager?: EntityManager): Promise<number | null> {
    const repo = manager ? manager.getRepository(Promoter) : this.promoters;
    return (await repo.findOne({ select: { id: true, memberId: true }, where: { id: promoterId } }))?.memberId ?? null;
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([CustomerBinding, Promoter])],
  providers: [PromoterBindingsReader],
  exports: [PromoterBindingsReader],
})
export class PromoterBindingsModule {}
