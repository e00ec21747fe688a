import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Distribution1795499769930 implements MigrationInterface {
  name = 'Distribution1795499769930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`promoters\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`staffId\` int NULL, \`source\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`displayName\` varchar(64) NOT NULL, \`avatarUrl\` varchar(255) NULL, \`realName\` varchar(64) NULL, \`inviterPromoterId\` int NULL, \`inviteToken\` varchar(32) NOT NULL, \`appliedAt\` datetime(3) NOT NULL, \`approvedAt\` datetime(3) NULL, \`rejectReason\` varchar(255) NULL, INDEX \`IDX_9574152079335a82782a9a6ea6\` (\`status\`), INDEX \`IDX_98825b077fbcddcca07d81c20a\` (\`inviterPromoterId\`), UNIQUE INDEX \`IDX_6c011356ba9361943d89a96cdf\` (\`memberId\`), UNIQUE INDEX \`IDX_24e2f4421cb55f1cc0f78bead1\` (\`staffId\`), UNIQUE INDEX \`IDX_02c7451be413010324e48636fc\` (\`inviteToken\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`promoter_accounts\` (\`promoterId\` int NOT NULL, \`pendingFen\` int NOT NULL DEFAULT '0', \`availableFen\` int NOT NULL DEFAULT '0', \`withdrawingFen\` int NOT NULL DEFAULT '0', \`withdrawnFen\` int NOT NULL DEFAULT '0', \`totalEarnedFen\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`promoterId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`share_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`token\` varchar(32) NOT NULL, \`promoterId\` int NOT NULL, \`targetType\` varchar(16) NOT NULL, \`targetId\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_6c5ecc4055206bf01d2f5a6168\` (\`promoterId\`, \`targetType\`, \`targetId\`), UNIQUE INDEX \`IDX_c267413c53356fc662a1a83049\` (\`token\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`share_visits\` (\`id\` int NOT NULL AUTO_INCREMENT, \`shareTokenId\` int NOT NULL, \`visitorKey\` varchar(40) NOT NULL, \`day\` varchar(10) NOT NULL, \`memberId\` int NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_ce2d5066dd40a232f1633803bd\` (\`shareTokenId\`, \`visitorKey\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`customer_bindings\` (\`memberId\` int NOT NULL, \`promoterId\` int NOT NULL, \`shareTokenId\` int NULL, \`boundAt\` datetime(3) NOT NULL, \`protectedUntil\` datetime(3) NOT NULL, INDEX \`IDX_66546998d86893a29e35922052\` (\`promoterId\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`binding_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`promoterId\` int NOT NULL, \`previousPromoterId\` int NULL, \`outcome\` varchar(16) NOT NULL, \`shareTokenId\` int NULL, \`protectedUntil\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_253181870f4ea6c6b6851451f9\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`order_attributions\` (\`orderId\` int NOT NULL, \`buyerMemberId\` int NOT NULL, \`promoterId\` int NULL, \`secondPromoterId\` int NULL, \`shareTokenId\` int NULL, \`baseFen\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_4062fd2425e901321dc3526e05\` (\`promoterId\`), INDEX \`IDX_7c5835c9667d299e1a601dd1d3\` (\`shareTokenId\`), PRIMARY KEY (\`orderId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`distribution_products\` (\`productId\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`rateBp\` int NOT NULL, \`secondRateBp\` int NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`productId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`commissions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`level\` int NOT NULL, \`promoterId\` int NOT NULL, \`buyerMemberId\` int NOT NULL, \`shareTokenId\` int NULL, \`baseFen\` int NOT NULL, \`accruedFen\` int NOT NULL, \`reversedFen\` int NOT NULL DEFAULT '0', \`status\` varchar(12) NOT NULL, \`lines\` text NOT NULL, \`version\` int NOT NULL DEFAULT '0', \`paidAt\` datetime(3) NOT NULL, \`settledAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_6aca2b7cfdb02f6fe7fa39c5db\` (\`status\`, \`id\`), INDEX \`IDX_eedc989885cf69442c6e006ce8\` (\`promoterId\`, \`id\`), UNIQUE INDEX \`IDX_099b3a98d592e86f7d5a2399f9\` (\`orderId\`, \`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`commission_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`promoterId\` int NOT NULL, \`type\` varchar(16) NOT NULL, \`pendingDeltaFen\` int NOT NULL DEFAULT '0', \`availableDeltaFen\` int NOT NULL DEFAULT '0', \`commissionId\` int NULL, \`orderId\` int NULL, \`withdrawalId\` int NULL, \`dedupeKey\` varchar(96) NOT NULL, \`note\` varchar(255) NOT NULL DEFAULT '', \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_864929bded6de31181e3ff8789\` (\`promoterId\`, \`id\`), UNIQUE INDEX \`IDX_fae852596b519d239a04c3f988\` (\`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`commission_withdrawals\` (\`id\` int NOT NULL AUTO_INCREMENT, \`promoterId\` int NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`amountFen\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`businessDate\` varchar(10) NOT NULL, \`transferBillNo\` varchar(64) NULL, \`packageInfo\` varchar(1024) NULL, \`failureReason\` varchar(255) NULL, \`payoutAttempts\` int NOT NULL DEFAULT '0', \`requestedAt\` datetime(3) NOT NULL, \`reviewedAt\` datetime(3) NULL, \`paidAt\` datetime(3) NULL, \`finishedAt\` datetime(3) NULL, INDEX \`IDX_a58f92f1218cf32ee2597dcf99\` (\`status\`, \`id\`), INDEX \`IDX_40763715e66c9e28319e657bb2\` (\`promoterId\`, \`businessDate\`), UNIQUE INDEX \`IDX_b62ab88b68cc2eb937fffe523a\` (\`promoterId\`, \`clientRequestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_b62ab88b68cc2eb937fffe523a\` ON \`commission_withdrawals\``);
    await queryRunner.query(`DROP INDEX \`IDX_40763715e66c9e28319e657bb2\` ON \`commission_withdrawals\``);
    await queryRunner.query(`DROP INDEX \`IDX_a58f92f1218cf32ee2597dcf99\` ON \`commission_withdrawals\``);
    await queryRunner.query(`DROP TABLE \`commission_withdrawals\``);
    await queryRunner.query(`DROP INDEX \`IDX_fae852596b519d239a04c3f988\` ON \`commission_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_864929bded6de31181e3ff8789\` ON \`commission_entries\``);
    await queryRunner.query(`DROP TABLE \`commission_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_099b3a98d592e86f7d5a2399f9\` ON \`commissions\``);
    await queryRunner.query(`DROP INDEX \`IDX_eedc989885cf69442c6e006ce8\` ON \`commissions\``);
    await queryRunner.query(`DROP INDEX \`IDX_6aca2b7cfdb02f6fe7fa39c5db\` ON \`commissions\``);
    await queryRunner.query(`DROP TABLE \`commissions\``);
    await queryRunner.query(`DROP TABLE \`distribution_products\``);
    await queryRunner.query(`DROP INDEX \`IDX_7c5835c9667d299e1a601dd1d3\` ON \`order_attributions\``);
    await queryRunner.query(`DROP INDEX \`IDX_4062fd2425e901321dc3526e05\` ON \`order_attributions\``);
    await queryRunner.query(`DROP TABLE \`order_attributions\``);
    await queryRunner.query(`DROP INDEX \`IDX_253181870f4ea6c6b6851451f9\` ON \`binding_events\``);
    await queryRunner.query(`DROP TABLE \`binding_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_66546998d86893a29e35922052\` ON \`customer_bindings\``);
    await queryRunner.query(`DROP TABLE \`customer_bindings\``);
    await queryRunner.query(`DROP INDEX \`IDX_ce2d5066dd40a232f1633803bd\` ON \`share_visits\``);
    await queryRunner.query(`DROP TABLE \`share_visits\``);
    await queryRunner.query(`DROP INDEX \`IDX_c267413c53356fc662a1a83049\` ON \`share_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_6c5ecc4055206bf01d2f5a6168\` ON \`share_tokens\``);
    await queryRunner.query(`DROP TABLE \`share_tokens\``);
    await queryRunner.query(`DROP TABLE \`promoter_accounts\``);
    await queryRunner.query(`DROP INDEX \`IDX_02c7451be413010324e48636fc\` ON \`promoters\``);
    await queryRunner.query(`DROP INDEX \`IDX_24e2f4421cb55f1cc0f78bead1\` ON \`promoters\``);
    await queryRunner.query(`DROP INDEX \`IDX_6c011356ba9361943d89a96cdf\` ON \`promoters\``);
    await queryRunner.query(`DROP INDEX \`IDX_98825b077fbcddcca07d81c20a\` ON \`promoters\``);
    await queryRunner.query(`DROP INDEX \`IDX_9574152079335a82782a9a6ea6\` ON \`promoters\``);
    await queryRunner.query(`DROP TABLE \`promoters\``);
  }
}
