import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentRefunds1795493466118 implements MigrationInterface {
  name = 'PaymentRefunds1795493466118';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`payment_refunds\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`outRefundNo\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`transactionId\` varchar(64) NOT NULL, \`amountFen\` int NOT NULL, \`totalFen\` int NOT NULL, \`lineIds\` text NOT NULL, \`status\` varchar(12) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`settledAt\` datetime(3) NULL, INDEX \`IDX_57a24a8f8f993c93f6e2dce6c9\` (\`orderId\`), UNIQUE INDEX \`IDX_fab513e48c978190a88cf5448a\` (\`outRefundNo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_fab513e48c978190a88cf5448a\` ON \`payment_refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_57a24a8f8f993c93f6e2dce6c9\` ON \`payment_refunds\``);
    await queryRunner.query(`DROP TABLE \`payment_refunds\``);
  }
}
