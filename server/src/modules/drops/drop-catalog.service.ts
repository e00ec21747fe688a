import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { DropItem } from './drop-item.entity';
import { Drop } from './drop.entity';

export interface DropDefinition {
  drop: Drop;
  items: DropItem[];
}

/** What a shared drop shows (distribution's share cards). */
export interface DropCard {
  title: string;
  firstItem: { imageUrl: string; dropPriceFen: number; listPriceFen: number } | null;
}

/** How long a process reuses a drop's definition (title, window, prices, caps) on the buy path. */
const DEFINITION_TTL_MS = 2000;

/**
 * Drop definitions for the buy path, kept in memory for two seconds: at 12:00:00 every buyer asks for the same
 * drop, and its window, prices and caps do not change during the rush. Counters are never taken from here.
 */
@Injectable()
export class DropCatalog {
  private readonly cache = new Map<number, { at: number; value: Promise<DropDefinition | null> }>();

  constructor(
    @InjectRepository(Drop) private readonly drops: Repository<Drop>,
    @InjectRepository(DropItem) private readonly items: Repository<DropItem>,
  ) {}

  async require(dropId: number): Promise<DropDefinition> {
    const cached = this.cache.get(dropId);
    let value = cached && Date.now() - cached.at < DEFINITION_TTL_MS ? cached.value : null;
    if (!value) {
      value = this.load(dropId);
      this.cache.set(dropId, { at: Date.now(), value });
      value.catch(() => this.cache.delete(dropId));
    }
    const definition = await value;
    if (!definition || definition.drop.status !== 'SCHEDULED') throw new DomainException('DROP_NOT_FOUND');
    return definition;
  }

  /** The share card of a scheduled drop (read fresh): its title and its first item, if it has one. */
  async card(dropId: number): Promise<DropCard | null> {
    const drop = await this.drops.findOneBy({ id: dropId, status: 'SCHEDULED' });
    if (!drop) return null;
    const [item] = await this.items.find({ where: { dropId }, order: { id: 'ASC' }, take: 1 });
    return {
      title: drop.title,
      firstItem: item
        ? { imageUrl: item.imageUrl, dropPriceFen: item.dropPriceFen, listPriceFen: item.listPriceFen }
        : null,
    };
  }

  forget(dropId: number): void {
    this.cache.delete(dropId);
  }

  private async load(dropId: number): Promise<DropDefinition | null> {
    const drop = await this.drops.findOneBy({ id: dropId });
    if (!drop) return null;
    return { drop, items: await this.items.find({ where: { dropId }, order: { id: 'ASC' } }) };
  }
}
