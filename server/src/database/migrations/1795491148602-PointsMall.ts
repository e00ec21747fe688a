import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PointsMall1795491148602 implements MigrationInterface {
  name = 'PointsMall1795491148602';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`gift_redemptions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`giftId\` int NOT NULL, \`giftName\` varchar(64) NOT NULL, \`giftImageUrl\` varchar(255) NOT NULL, \`pointsPrice\` int UNSIGNED NOT NULL, \`fulfilment\` varchar(8) NOT NULL, \`address\` text NULL, \`status\` varchar(16) NOT NULL, \`failureCode\` varchar(32) NULL, \`pointsEntryId\` int NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`completedAt\` datetime(3) NULL, INDEX \`idx_gift_redemptions_gift\` (\`giftId\`), INDEX \`idx_gift_redemptions_step\` (\`status\`, \`updatedAt\`), INDEX \`idx_gift_redemptions_member\` (\`memberId\`, \`id\`), UNIQUE INDEX \`uq_gift_redemptions_request\` (\`memberId\`, \`clientRequestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`gift_shipments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`redemptionId\` int NOT NULL, \`memberId\` int NOT NULL, \`giftId\` int NOT NULL, \`recipientName\` varchar(32) NOT NULL, \`phone\` varchar(20) NOT NULL, \`region\` varchar(64) NOT NULL, \`detail\` varchar(128) NOT NULL, \`status\` varchar(16) NOT NULL, \`trackingNo\` varchar(64) NULL, \`createdAt\` datetime(3) NOT NULL, \`shippedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_gift_shipments_redemption\` (\`redemptionId\`), INDEX \`idx_gift_shipments_member\` (\`memberId\`), INDEX \`idx_gift_shipments_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`gift_vouchers\` (\`id\` int NOT NULL AUTO_INCREMENT, \`redemptionId\` int NOT NULL, \`memberId\` int NOT NULL, \`giftId\` int NOT NULL, \`pickupCode\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`issuedAt\` datetime(3) NOT NULL, \`pickedUpAt\` datetime(3) NULL, \`pickedUpStoreId\` int NULL, \`pickedUpByStaffId\` int NULL, UNIQUE INDEX \`uq_gift_vouchers_redemption\` (\`redemptionId\`), UNIQUE INDEX \`uq_gift_vouchers_pickup_code\` (\`pickupCode\`), INDEX \`idx_gift_vouchers_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`gifts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`description\` varchar(500) NOT NULL DEFAULT '', \`imageUrl\` varchar(255) NOT NULL, \`pointsPrice\` int UNSIGNED NOT NULL, \`stock\` int UNSIGNED NOT NULL DEFAULT '0', \`fulfilments\` varchar(32) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`sort\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`idx_gifts_listing\` (\`active\`, \`sort\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_gifts_listing\` ON \`gifts\``);
    await queryRunner.query(`DROP TABLE \`gifts\``);
    await queryRunner.query(`DROP INDEX \`idx_gift_vouchers_member\` ON \`gift_vouchers\``);
    await queryRunner.query(`DROP INDEX \`uq_gift_vouchers_pickup_code\` ON \`gift_vouchers\``);
    await queryRunner.query(`DROP INDEX \`uq_gift_vouchers_redemption\` ON \`gift_vouchers\``);
    await queryRunner.query(`DROP TABLE \`gift_vouchers\``);
    await queryRunner.query(`DROP INDEX \`idx_gift_shipments_status\` ON \`gift_shipments\``);
    await queryRunner.query(`DROP INDEX \`idx_gift_shipments_member\` ON \`gift_shipments\``);
    await queryRunner.query(`DROP INDEX \`uq_gift_shipments_redemption\` ON \`gift_shipments\``);
    await queryRunner.query(`DROP TABLE \`gift_shipments\``);
    await queryRunner.query(`DROP INDEX \`uq_gift_redemptions_request\` ON \`gift_redemptions\``);
    await queryRunner.query(`DROP INDEX \`idx_gift_redemptions_member\` ON \`gift_redemptions\``);
    await queryRunner.query(`DROP INDEX \`idx_gift_redemptions_step\` ON \`gift_redemptions\``);
    await queryRunner.query(`DROP INDEX \`idx_gift_redemptions_gift\` ON \`gift_redemptions\``);
    await queryRunner.query(`DROP TABLE \`gift_redemptions\``);
  }
}
