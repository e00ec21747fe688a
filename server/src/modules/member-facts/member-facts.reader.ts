import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { MemberFactsRow } from './member-facts.entity';

/** The table and columns of the audience read model, for modules that build conditions over it (segments, campaigns). */
export const MEMBER_FACTS_ALIAS = 'facts';

/**
 * The read side of member facts for other modules: an audience query over every member's facts row, aliased
 * `facts` (columns: memberId, firstPurchaseAt, lastPurchaseAt, orders365, spend365Fen, onlineOrders365,
 * dropOrders365, tillOrders365, typicalGapDays, homeStoreId, promoterId, tierKey, birthMonth, stage, stageSince,
 * relationship, relationshipSince, updatedAt). Callers add their own WHERE, ORDER BY and paging.
 */
@Injectable()
export class MemberFactsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  audience(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<MemberFactsRow> {
    return manager.createQueryBuilder(MemberFactsRow, MEMBER_FACTS_ALIAS);
  }
}
