import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1795491223376 implements MigrationInterface {
  name = 'Orders1795491223376';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`order_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`productName\` varchar(128) NOT NULL, \`specText\` varchar(128) NOT NULL DEFAULT '', \`imageUrl\` varchar(255) NOT NULL DEFAULT '', \`unitPriceFen\` int NOT NULL, \`quantity\` int NOT NULL, \`originalFen\` int NOT NULL, \`itemDiscountFen\` int NOT NULL, \`orderDiscountFen\` int NOT NULL, \`paidFen\` int NOT NULL, \`refundState\` varchar(12) NOT NULL DEFAULT 'NONE', INDEX \`IDX_f1d359a55923bb45b057fbdab0\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`orders\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderNo\` varchar(32) NOT NULL, \`memberId\` int NOT NULL, \`clientKey\` varchar(80) NOT NULL, \`state\` varchar(20) NOT NULL, \`subtotalFen\` int NOT NULL, \`totalDiscountFen\` int NOT NULL, \`payableFen\` int NOT NULL, \`discounts\` text NOT NULL, \`ruleVersions\` text NOT NULL, \`couponIds\` text NOT NULL, \`fulfilment\` varchar(8) NOT NULL, \`address\` text NULL, \`pickupStoreId\` int NULL, \`remark\` varchar(200) NOT NULL DEFAULT '', \`pointsToAward\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`reservationExpiresAt\` datetime(3) NOT NULL, \`prepayOpened\` tinyint NOT NULL DEFAULT 0, \`paidAt\` datetime(3) NULL, \`transactionId\` varchar(64) NULL, \`cancelledAt\` datetime(3) NULL, \`cancelReason\` varchar(64) NULL, \`fulfilledAt\` datetime(3) NULL, \`completedAt\` datetime(3) NULL, INDEX \`IDX_3ff3636a23cad81bb10c8517c9\` (\`memberId\`, \`createdAt\`), INDEX \`IDX_f6d678ff575e47638d5ac387e9\` (\`state\`, \`reservationExpiresAt\`), UNIQUE INDEX \`IDX_9e116d4adfd60229dc662a81b0\` (\`orderNo\`), UNIQUE INDEX \`IDX_b51b944482128d6fa368da632a\` (\`clientKey\`), UNIQUE INDEX \`IDX_221e94c27106e7135995b49640\` (\`transactionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`outbox_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`topic\` varchar(48) NOT NULL, \`dedupeKey\` varchar(96) NOT NULL, \`payload\` text NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`claimedUntil\` datetime(3) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`processedAt\` datetime(3) NULL, \`lastError\` varchar(500) NOT NULL DEFAULT '', INDEX \`IDX_aadfc65a6d0c7b3953fb57594d\` (\`processedAt\`, \`id\`), UNIQUE INDEX \`IDX_3c1350126e2f65eabfa10a06e6\` (\`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3c1350126e2f65eabfa10a06e6\` ON \`outbox_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_aadfc65a6d0c7b3953fb57594d\` ON \`outbox_events\``);
    await queryRunner.query(`DROP TABLE \`outbox_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_221e94c27106e7135995b49640\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_b51b944482128d6fa368da632a\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_9e116d4adfd60229dc662a81b0\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_f6d678ff575e47638d5ac387e9\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_3ff3636a23cad81bb10c8517c9\` ON \`orders\``);
    await queryRunner.query(`DROP TABLE \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_f1d359a55923bb45b057fbdab0\` ON \`order_items\``);
    await queryRunner.query(`DROP TABLE \`order_items\``);
  }
}
