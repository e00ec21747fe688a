import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleOrders1796315300000 implements MigrationInterface {
  name = 'ConsoleOrders1796315300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`payment_refunds\` ADD \`wechatRefundId\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`storeId\` int NULL`);
    // Existing after-sales take their order's pickup store, as new ones do when they are made.
    await queryRunner.query(
      `UPDATE \`after_sales\` a JOIN \`orders\` o ON o.\`id\` = a.\`orderId\` SET a.\`storeId\` = o.\`pickupStoreId\``,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_88f2fc46b315146d37777802c9\` ON \`orders\` (\`pickupStoreId\`, \`createdAt\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_3cf844e3a3e1004a5efd429d64\` ON \`after_sales\` (\`storeId\`, \`createdAt\`)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3cf844e3a3e1004a5efd429d64\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`IDX_88f2fc46b315146d37777802c9\` ON \`orders\``);
    await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`storeId\``);
    await queryRunner.query(`ALTER TABLE \`payment_refunds\` DROP COLUMN \`wechatRefundId\``);
  }
}
