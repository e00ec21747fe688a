import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handlers' "done" rows for outbox events, and work that moved onto events: till sales whose awards or reversals
 * were still pending under the old flags, and gift redemptions holding a unit without their points spent, get the
 * event that now completes them (before the flags go).
 */
export class DomainEvents1796291000000 implements MigrationInterface {
  name = 'DomainEvents1796291000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`outbox_handled\` (\`eventId\` int NOT NULL, \`handler\` varchar(64) NOT NULL, \`handledAt\` datetime(3) NOT NULL, PRIMARY KEY (\`eventId\`, \`handler\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `INSERT IGNORE INTO \`outbox_events\` (\`topic\`, \`dedupeKey\`, \`payload\`, \`createdAt\`) SELECT 'till.sale.recorded', CONCAT('till.sale.recorded:', \`id\`), JSON_OBJECT('saleId', \`id\`, 'memberId', \`memberId\`, 'storeId', \`storeId\`, 'payableFen', \`payableFen\`), UTC_TIMESTAMP(3) FROM \`till_transactions\` WHERE \`awarded\` = 0`,
    );
    await queryRunner.query(
      `INSERT IGNORE INTO \`outbox_events\` (\`topic\`, \`dedupeKey\`, \`payload\`, \`createdAt\`) SELECT 'till.sale.refunded', CONCAT('till.sale.refunded:', \`id\`), JSON_OBJECT('saleId', \`id\`, 'memberId', \`memberId\`, 'storeId', \`storeId\`), UTC_TIMESTAMP(3) FROM \`till_transactions\` WHERE \`status\` = 'REFUNDED' AND \`reversed\` = 0`,
    );
    await queryRunner.query(
      `INSERT IGNORE INTO \`outbox_events\` (\`topic\`, \`dedupeKey\`, \`payload\`, \`createdAt\`) SELECT 'gift.redemption.started', CONCAT('gift.redemption.started:', \`id\`), JSON_OBJECT('redemptionId', \`id\`, 'memberId', \`memberId\`, 'giftId', \`giftId\`, 'points', \`pointsPrice\`), UTC_TIMESTAMP(3) FROM \`gift_redemptions\` WHERE \`status\` = 'STOCK_TAKEN'`,
    );
    await queryRunner.query(`ALTER TABLE \`till_transactions\` DROP COLUMN \`reversed\``);
    await queryRunner.query(`ALTER TABLE \`till_transactions\` DROP COLUMN \`awarded\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Flags restored as "done": the events above, or their handlers, have applied or will apply the awards.
    await queryRunner.query(`ALTER TABLE \`till_transactions\` ADD \`awarded\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE \`till_transactions\` ADD \`reversed\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`UPDATE \`till_transactions\` SET \`reversed\` = 1 WHERE \`status\` = 'REFUNDED'`);
    await queryRunner.query(`ALTER TABLE \`till_transactions\` ALTER \`awarded\` SET DEFAULT 0`);
    await queryRunner.query(`DROP TABLE \`outbox_handled\``);
  }
}
