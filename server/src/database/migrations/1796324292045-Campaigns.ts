import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1796324292045 implements MigrationInterface {
  name = 'Campaigns1796324292045';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`campaigns\` (\`id\` int NOT NULL AUTO_INCREMENT, \`key\` varchar(48) NOT NULL, \`name\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_8b6b94352da69af03dbaf87c63\` (\`status\`), UNIQUE INDEX \`IDX_34163846e75f5298ec2b3fbc6c\` (\`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`campaign_versions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`campaignId\` int NOT NULL, \`version\` int NOT NULL, \`definition\` text NOT NULL, \`createdBy\` varchar(48) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_816de60a15175d1809242b3534\` (\`campaignId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`campaign_grants\` (\`id\` int NOT NULL AUTO_INCREMENT, \`campaignId\` int NOT NULL, \`version\` int NOT NULL, \`memberId\` int NOT NULL, \`triggerKey\` varchar(64) NOT NULL, \`outcome\` varchar(20) NOT NULL, \`costFen\` int NOT NULL DEFAULT '0', \`couponId\` int NULL, \`ledgerRef\` varchar(64) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_603c61c887b92ac972aa717d10\` (\`campaignId\`, \`outcome\`), UNIQUE INDEX \`IDX_b01312346cb03a639897726c1f\` (\`campaignId\`, \`memberId\`, \`triggerKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`campaign_budgets\` (\`campaignId\` int NOT NULL, \`grantedCount\` int NOT NULL DEFAULT '0', \`spentFen\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`campaignId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`campaign_member_counts\` (\`campaignId\` int NOT NULL, \`memberId\` int NOT NULL, \`granted\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`campaignId\`, \`memberId\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`campaign_member_counts\``);
    await queryRunner.query(`DROP TABLE \`campaign_budgets\``);
    await queryRunner.query(`DROP INDEX \`IDX_b01312346cb03a639897726c1f\` ON \`campaign_grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_603c61c887b92ac972aa717d10\` ON \`campaign_grants\``);
    await queryRunner.query(`DROP TABLE \`campaign_grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_816de60a15175d1809242b3534\` ON \`campaign_versions\``);
    await queryRunner.query(`DROP TABLE \`campaign_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_34163846e75f5298ec2b3fbc6c\` ON \`campaigns\``);
    await queryRunner.query(`DROP INDEX \`IDX_8b6b94352da69af03dbaf87c63\` ON \`campaigns\``);
    await queryRunner.query(`DROP TABLE \`campaigns\``);
  }
}
