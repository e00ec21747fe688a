import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductVersion1796314194449 implements MigrationInterface {
  name = 'ProductVersion1796314194449';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`version\` int NOT NULL DEFAULT '1'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`version\``);
  }
}
