import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoreProfilesAndStaffDisabling1796314873308 implements MigrationInterface {
  name = 'StoreProfilesAndStaffDisabling1796314873308';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` ADD \`disabledAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`stores\` ADD \`latitude\` decimal(9,6) NULL`);
    await queryRunner.query(`ALTER TABLE \`stores\` ADD \`longitude\` decimal(9,6) NULL`);
    await queryRunner.query(`ALTER TABLE \`stores\` ADD \`opensAt\` varchar(5) NULL`);
    await queryRunner.query(`ALTER TABLE \`stores\` ADD \`closesAt\` varchar(5) NULL`);
    await queryRunner.query(`ALTER TABLE \`stores\` ADD \`pickupEnabled\` tinyint NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`stores\` DROP COLUMN \`pickupEnabled\``);
    await queryRunner.query(`ALTER TABLE \`stores\` DROP COLUMN \`closesAt\``);
    await queryRunner.query(`ALTER TABLE \`stores\` DROP COLUMN \`opensAt\``);
    await queryRunner.query(`ALTER TABLE \`stores\` DROP COLUMN \`longitude\``);
    await queryRunner.query(`ALTER TABLE \`stores\` DROP COLUMN \`latitude\``);
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP COLUMN \`disabledAt\``);
  }
}
