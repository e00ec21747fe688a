// Public surface of the catalog module: what other modules may import (see .dependency-cruiser.cjs).
export * from './catalog-admin.service';
export * from './catalog-scope.reader';
export * from './catalog.module';
export * from './skus.service';
export * from './product-snapshot.columns';
export { PRODUCT_IMAGES_URL_PREFIX, productImagesDir } from './product-images.service';
