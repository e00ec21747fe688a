import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AfterSales1796289600019 implements MigrationInterface {
  name = 'AfterSales1796289600019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`after_sales\` (\`id\` int NOT NULL AUTO_INCREMENT, \`afterSaleNo\` varchar(32) NOT NULL, \`clientKey\` varchar(120) NOT NULL, \`memberId\` int NOT NULL, \`orderId\` int NOT NULL, \`orderNo\` varchar(32) NOT NULL, \`lineId\` int NOT NULL, \`productName\` varchar(128) NOT NULL, \`specText\` varchar(128) NOT NULL DEFAULT '', \`imageUrl\` varchar(255) NOT NULL DEFAULT '', \`unitPriceFen\` int NOT NULL, \`type\` varchar(16) NOT NULL, \`state\` varchar(20) NOT NULL, \`quantity\` int NOT NULL, \`amountFen\` int NOT NULL, \`reasonCode\` varchar(24) NOT NULL, \`reasonText\` varchar(200) NOT NULL DEFAULT '', \`photoIds\` text NOT NULL, \`rejectReason\` varchar(200) NULL, \`returnCarrier\` varchar(32) NULL, \`returnTrackingNo\` varchar(40) NULL, \`paymentRefundId\` int NULL, \`createdAt\` datetime(3) NOT NULL, \`approvedAt\` datetime(3) NULL, \`returnShippedAt\` datetime(3) NULL, \`returnReceivedAt\` datetime(3) NULL, \`refundedAt\` datetime(3) NULL, \`closedAt\` datetime(3) NULL, INDEX \`IDX_145cbaf8a11a8a4b323e1308ff\` (\`paymentRefundId\`), INDEX \`IDX_c4a5085a28912f424e3427c2d0\` (\`orderId\`), INDEX \`IDX_ac3230d6fd61c293a60151a6c2\` (\`state\`, \`createdAt\`), INDEX \`IDX_f175d5801ac387eeb91c0c0e66\` (\`memberId\`, \`createdAt\`), UNIQUE INDEX \`IDX_4ef5ccec47a7d33b49ea572a4e\` (\`afterSaleNo\`), UNIQUE INDEX \`IDX_148e2ce342263bc5609771ce57\` (\`clientKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`after_sale_photos\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`storageKey\` varchar(64) NOT NULL, \`mimeType\` varchar(16) NOT NULL, \`sizeBytes\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_a02cc5b1feabb8a316c55a8a8e\` (\`memberId\`), UNIQUE INDEX \`IDX_da927a62e8b2fb4f2fdedbb0e6\` (\`storageKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`order_items\` ADD \`refundedQuantity\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`order_items\` ADD \`refundedFen\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`order_items\` ADD \`refundingQuantity\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`order_items\` ADD \`refundingFen\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`payment_refunds\` ADD \`lines\` text NULL`);
    // Lines refunded or being refunded whole before quantities were counted.
    await queryRunner.query(
      `UPDATE \`order_items\` SET \`refundedQuantity\` = \`quantity\`, \`refundedFen\` = \`paidFen\` WHERE \`refundState\` = 'REFUNDED'`,
    );
    await queryRunner.query(
      `UPDATE \`order_items\` SET \`refundingQuantity\` = \`quantity\`, \`refundingFen\` = \`paidFen\` WHERE \`refundState\` = 'REFUNDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`payment_refunds\` DROP COLUMN \`lines\``);
    await queryRunner.query(`ALTER TABLE \`order_items\` DROP COLUMN \`refundingFen\``);
    await queryRunner.query(`ALTER TABLE \`order_items\` DROP COLUMN \`refundingQuantity\``);
    await queryRunner.query(`ALTER TABLE \`order_items\` DROP COLUMN \`refundedFen\``);
    await queryRunner.query(`ALTER TABLE \`order_items\` DROP COLUMN \`refundedQuantity\``);
    await queryRunner.query(`DROP INDEX \`IDX_da927a62e8b2fb4f2fdedbb0e6\` ON \`after_sale_photos\``);
    await queryRunner.query(`DROP INDEX \`IDX_a02cc5b1feabb8a316c55a8a8e\` ON \`after_sale_photos\``);
    await queryRunner.query(`DROP TABLE \`after_sale_photos\``);
    await queryRunner.query(`DROP INDEX \`IDX_148e2ce342263bc5609771ce57\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`IDX_4ef5ccec47a7d33b49ea572a4e\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`IDX_f175d5801ac387eeb91c0c0e66\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`IDX_ac3230d6fd61c293a60151a6c2\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`IDX_c4a5085a28912f424e3427c2d0\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`IDX_145cbaf8a11a8a4b323e1308ff\` ON \`after_sales\``);
    await queryRunner.query(`DROP TABLE \`after_sales\``);
  }
}
