import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBrandRulesController } from './admin-brand-rules.controller';
import { BrandRuleVersion } from './brand-rule-version.entity';
import { BrandRuleVersionStore } from './brand-rule-version.store';
import { BrandRulesAdmin } from './brand-rules-admin.service';
import { BrandSettings } from './brand-settings.service';
import { LoyaltyRules } from './loyalty-rules.service';

/** Global: every module reads the brand's rules from here rather than keeping its own copy. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([BrandRuleVersion])],
  controllers: [AdminBrandRulesController],
  providers: [BrandSettings, BrandRuleVersionStore, BrandRulesAdmin, LoyaltyRules],
  exports: [BrandSettings, LoyaltyRules],
})
export class BrandModule {}
