import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { Store } from './store.entity';

/** A store as other modules see it (read model; the entity stays inside this module). */
export interface StoreView {
  id: number;
  brandId: number;
  code: string;
  name: string;
  address: string;
  timeZone: string;
}

const view = (store: Store): StoreView => ({
  id: store.id,
  brandId: store.brandId,
  code: store.code,
  name: store.name,
  address: store.address,
  timeZone: store.timeZone,
});

/** Read API of the stores: the other modules keep store ids and ask here for names and time zones. */
@Injectable()
export class StoresService {
  constructor(@InjectRepository(Store) private readonly stores: Repository<Store>) {}

  async findById(id: number): Promise<StoreView | null> {
    const store = await this.stores.findOneBy({ id });
    return store ? view(store) : null;
  }

  /** For ids another row points at (a foreign key guarantees the store exists). */
  async requireById(id: number): Promise<StoreView> {
    return view(await this.stores.findOneByOrFail({ id }));
  }

  /** The first store opened: the brand's default when a request names none. */
  async first(): Promise<StoreView | null> {
    const store = await this.stores.findOne({ where: {}, order: { id: 'ASC' } });
    return store ? view(store) : null;
  }

  /** Every store, in the order they opened (console filters; a brand has a handful). */
  async all(): Promise<StoreView[]> {
    return (await this.stores.find({ order: { id: 'ASC' } })).map(view);
  }

  /** Store names by id, for lists that show where something happened. */
  async namesById(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const stores = unique.length ? await this.stores.findBy({ id: In(unique) }) : [];
    return new Map(stores.map((s) => [s.id, s.name]));
  }
}
