import { Global, Module } from '@nestjs/common';
import { BrandSettings } from './brand-settings.service';
import { LoyaltyRules } from './loyalty-rules.service';

/** Global: every module reads the brand's rules from here rather than keeping its own copy. */
@Global()
@Module({
  providers: [BrandSettings, LoyaltyRules],
  exports: [BrandSettings, LoyaltyRules],
})
export class BrandModule {}
