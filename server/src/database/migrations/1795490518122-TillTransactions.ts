import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TillTransactions1795490518122 implements MigrationInterface {
  name = 'TillTransactions1795490518122';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`till_transactions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` varchar(64) NOT NULL, \`storeId\` int NOT NULL, \`staffId\` int NOT NULL, \`scanId\` int NOT NULL, \`memberId\` int NOT NULL, \`subtotalFen\` int NOT NULL, \`payableFen\` int NOT NULL, \`discounts\` text NOT NULL, \`couponIds\` text NOT NULL, \`items\` text NOT NULL, \`ruleVersions\` text NOT NULL, \`pointsAwarded\` int NOT NULL, \`growthAwarded\` int NOT NULL, \`awarded\` tinyint NOT NULL DEFAULT 0, \`status\` varchar(16) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`refundedAt\` datetime(3) NULL, \`refundedByStaffId\` int NULL, \`reversed\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_8a2077114deaa9c3b3f48b1883\` (\`memberId\`), INDEX \`IDX_69c9d871095dbdacc2a80023ef\` (\`storeId\`, \`createdAt\`), UNIQUE INDEX \`IDX_347d5e6883cb3742e246206803\` (\`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_347d5e6883cb3742e246206803\` ON \`till_transactions\``);
    await queryRunner.query(`DROP INDEX \`IDX_69c9d871095dbdacc2a80023ef\` ON \`till_transactions\``);
    await queryRunner.query(`DROP INDEX \`IDX_8a2077114deaa9c3b3f48b1883\` ON \`till_transactions\``);
    await queryRunner.query(`DROP TABLE \`till_transactions\``);
  }
}
