// Public surface of the campaigns module: what other modules may import (see .dependency-cruiser.cjs).
export * from './campaigns.module';
export * from './campaign-engine.service';
export { GOLDEN_WINDOW_CAMPAIGN_KEY } from './campaigns.bootstrap';
