import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Coupons1795490326364 implements MigrationInterface {
  name = 'Coupons1795490326364';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`coupon_templates\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`amountOffFen\` int NULL, \`payRateBp\` int NULL, \`maxDiscountFen\` int NULL, \`thresholdFen\` int NOT NULL DEFAULT '0', \`scope\` text NOT NULL, \`stacking\` varchar(16) NOT NULL, \`validDays\` int NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_dc76f8742ab308b2f33b41c4a9\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`member_coupons\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`templateId\` int NOT NULL, \`issueKey\` varchar(96) NOT NULL, \`name\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`amountOffFen\` int NULL, \`payRateBp\` int NULL, \`maxDiscountFen\` int NULL, \`thresholdFen\` int NOT NULL DEFAULT '0', \`scope\` text NOT NULL, \`stacking\` varchar(16) NOT NULL, \`version\` varchar(48) NOT NULL, \`status\` varchar(16) NOT NULL, \`validFrom\` datetime(3) NOT NULL, \`validUntil\` datetime(3) NOT NULL, \`issuedAt\` datetime(3) NOT NULL, \`usedAt\` datetime(3) NULL, \`usedBy\` varchar(48) NULL, INDEX \`IDX_95943b62047628eec6036e9b3c\` (\`memberId\`, \`status\`), UNIQUE INDEX \`IDX_81e96219b6179ca9084a52eed7\` (\`issueKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_81e96219b6179ca9084a52eed7\` ON \`member_coupons\``);
    await queryRunner.query(`DROP INDEX \`IDX_95943b62047628eec6036e9b3c\` ON \`member_coupons\``);
    await queryRunner.query(`DROP TABLE \`member_coupons\``);
    await queryRunner.query(`DROP INDEX \`IDX_dc76f8742ab308b2f33b41c4a9\` ON \`coupon_templates\``);
    await queryRunner.query(`DROP TABLE \`coupon_templates\``);
  }
}
