import { AfterSalePhoto } from './after-sale-photo.entity';
import { AfterSale } from './after-sale.entity';

/** The tables the after-sales module owns. */
export const AFTER_SALE_ENTITIES = [AfterSale, AfterSalePhoto];
