/**
 * The stores an online order can be picked up at (门店自提), by the server's store id. The API has no public list
 * of stores yet; a stores endpoint would replace this constant, which is the only place the app names them.
 */
export interface PickupStore {
  id: number;
  name: string;
  address: string;
}

export const PICKUP_STORES: readonly PickupStore[] = [
  { id: 1, name: '上海南京西路店', address: '上海市静安区南京西路1266号' },
  { id: 2, name: '上海徐家汇店', address: '上海市徐汇区虹桥路1号' },
];
