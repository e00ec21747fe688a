import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleDropsAndGifts1796314159073 implements MigrationInterface {
  name = 'ConsoleDropsAndGifts1796314159073';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`gift_shipments\` ADD \`carrier\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`drops\` ADD \`firstOpensAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`drops\` ADD \`weeklySlot\` text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`drops\` DROP COLUMN \`weeklySlot\``);
    await queryRunner.query(`ALTER TABLE \`drops\` DROP COLUMN \`firstOpensAt\``);
    await queryRunner.query(`ALTER TABLE \`gift_shipments\` DROP COLUMN \`carrier\``);
  }
}
