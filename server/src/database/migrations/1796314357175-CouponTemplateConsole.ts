import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CouponTemplateConsole1796314357175 implements MigrationInterface {
  name = 'CouponTemplateConsole1796314357175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`validFrom\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`validUntil\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`status\` varchar(16) NOT NULL DEFAULT 'ACTIVE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`validUntil\``);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`validFrom\``);
  }
}
