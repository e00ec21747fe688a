import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandRuleVersion } from './brand-rule-version.entity';
import { BrandRuleVersionStore } from './brand-rule-version.store';
import { BrandSettings } from './brand-settings.service';
import { LoyaltyRules } from './loyalty-rules.service';

/** Global: every module reads the brand's rules from here rather than keeping its own copy. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([BrandRuleVersion])],
  providers: [BrandSettings, BrandRuleVersionStore, LoyaltyRules],
  exports: [BrandSettings, BrandRuleVersionStore, LoyaltyRules],
})
export class BrandModule {}
