import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TillPaymentMethod1796308887464 implements MigrationInterface {
  name = 'TillPaymentMethod1796308887464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`till_transactions\` ADD \`paymentMethod\` varchar(16) NOT NULL DEFAULT 'UNSPECIFIED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`till_transactions\` DROP COLUMN \`paymentMethod\``);
  }
}
