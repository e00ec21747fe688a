import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderFulfilment1796289949597 implements MigrationInterface {
  name = 'OrderFulfilment1796289949597';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`orders\` ADD \`carrier\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`orders\` ADD \`trackingNo\` varchar(40) NULL`);
    await queryRunner.query(`ALTER TABLE \`orders\` ADD \`pickupCode\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`orders\` ADD \`handedOverByStaffId\` int NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_orders_pickup_code\` ON \`orders\` (\`pickupCode\`)`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_715cfa91f3389f71d53806a692\` ON \`orders\` (\`memberId\`, \`state\`, \`createdAt\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_ba66622bd58be02d6f2d80a802\` ON \`orders\` (\`state\`, \`fulfilledAt\`)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_ba66622bd58be02d6f2d80a802\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_715cfa91f3389f71d53806a692\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`uq_orders_pickup_code\` ON \`orders\``);
    await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`handedOverByStaffId\``);
    await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`pickupCode\``);
    await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`trackingNo\``);
    await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`carrier\``);
  }
}
