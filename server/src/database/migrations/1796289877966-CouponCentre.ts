import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CouponCentre1796289877966 implements MigrationInterface {
  name = 'CouponCentre1796289877966';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`claimable\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`claimPerMember\` int NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`claimTotal\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` ADD \`claimedCount\` int NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`claimedCount\``);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`claimTotal\``);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`claimPerMember\``);
    await queryRunner.query(`ALTER TABLE \`coupon_templates\` DROP COLUMN \`claimable\``);
  }
}
