import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Drops1795499396436 implements MigrationInterface {
  name = 'Drops1795499396436';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`drop_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dropId\` int NOT NULL, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`productName\` varchar(128) NOT NULL, \`specText\` varchar(128) NOT NULL DEFAULT '', \`imageUrl\` varchar(255) NOT NULL DEFAULT '', \`listPriceFen\` int NOT NULL, \`dropPriceFen\` int NOT NULL, \`cap\` int NOT NULL, \`perMemberLimit\` int NOT NULL, \`sold\` int NOT NULL DEFAULT '0', \`reserved\` int NOT NULL DEFAULT '0', INDEX \`IDX_3f799ec23920b0d13e1885f4b4\` (\`dropId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`drop_member_holds\` (\`dropItemId\` int NOT NULL, \`memberId\` int NOT NULL, \`held\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`dropItemId\`, \`memberId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`drop_reminders\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dropId\` int NOT NULL, \`memberId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`state\` varchar(10) NOT NULL DEFAULT 'PENDING', \`consentedAt\` datetime(3) NOT NULL, \`sentAt\` datetime(3) NULL, \`failure\` varchar(120) NULL, INDEX \`IDX_dd7866226808a64a40d39a4feb\` (\`dropId\`, \`state\`), UNIQUE INDEX \`IDX_b0c2ac4471762b7a5896f508ea\` (\`dropId\`, \`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`drops\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(64) NOT NULL, \`description\` varchar(500) NOT NULL DEFAULT '', \`recurrence\` varchar(8) NOT NULL, \`status\` varchar(12) NOT NULL DEFAULT 'SCHEDULED', \`opensAt\` datetime(3) NOT NULL, \`closesAt\` datetime(3) NOT NULL, \`earlyAccess\` text NOT NULL, \`reservationSeconds\` int NOT NULL, \`previousDropId\` int NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_c7ee8ba0365f253e68f3b87bf3\` (\`status\`, \`closesAt\`), UNIQUE INDEX \`IDX_5220db159f639c67780ad97f81\` (\`previousDropId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`order_items\` ADD \`dropItemId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`orders\` ADD \`dropId\` int NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_7db98ff87c497c2023f079c213\` ON \`orders\` (\`memberId\`, \`dropId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_7db98ff87c497c2023f079c213\` ON \`orders\``);
    await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`dropId\``);
    await queryRunner.query(`ALTER TABLE \`order_items\` DROP COLUMN \`dropItemId\``);
    await queryRunner.query(`DROP INDEX \`IDX_5220db159f639c67780ad97f81\` ON \`drops\``);
    await queryRunner.query(`DROP INDEX \`IDX_c7ee8ba0365f253e68f3b87bf3\` ON \`drops\``);
    await queryRunner.query(`DROP TABLE \`drops\``);
    await queryRunner.query(`DROP INDEX \`IDX_b0c2ac4471762b7a5896f508ea\` ON \`drop_reminders\``);
    await queryRunner.query(`DROP INDEX \`IDX_dd7866226808a64a40d39a4feb\` ON \`drop_reminders\``);
    await queryRunner.query(`DROP TABLE \`drop_reminders\``);
    await queryRunner.query(`DROP TABLE \`drop_member_holds\``);
    await queryRunner.query(`DROP INDEX \`IDX_3f799ec23920b0d13e1885f4b4\` ON \`drop_items\``);
    await queryRunner.query(`DROP TABLE \`drop_items\``);
  }
}
