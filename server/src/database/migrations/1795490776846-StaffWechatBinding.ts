import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffWechatBinding1795490776846 implements MigrationInterface {
  name = 'StaffWechatBinding1795490776846';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` ADD \`wechatOpenid\` varchar(64) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`staff_accounts\` ADD UNIQUE INDEX \`IDX_87dc11f5ccfc5f70df4c1a7ab5\` (\`wechatOpenid\`)`,
    );
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` ADD \`inviteCodeHash\` varchar(64) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`staff_accounts\` ADD UNIQUE INDEX \`IDX_ef472d3468c9918332a5198faf\` (\`inviteCodeHash\`)`,
    );
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` ADD \`inviteExpiresAt\` datetime(3) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP COLUMN \`inviteExpiresAt\``);
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP INDEX \`IDX_ef472d3468c9918332a5198faf\``);
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP COLUMN \`inviteCodeHash\``);
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP INDEX \`IDX_87dc11f5ccfc5f70df4c1a7ab5\``);
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP COLUMN \`wechatOpenid\``);
  }
}
