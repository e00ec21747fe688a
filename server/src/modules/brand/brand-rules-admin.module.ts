import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBrandRulesController } from './admin-brand-rules.controller';
import { BrandRuleVersion } from './brand-rule-version.entity';
import { BrandRulesAdmin } from './brand-rules-admin.service';

/**
 * 品牌规则 in the console. Apart from BrandModule, which every module (and every slim test harness) imports:
 * scheduling a version is audited, and the rules' readers need no audit trail.
 */
@Module({
  imports: [TypeOrmModule.forFeature([BrandRuleVersion])],
  controllers: [AdminBrandRulesController],
  providers: [BrandRulesAdmin],
})
export class BrandRulesAdminModule {}
