import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddressBookAndStorefront1796289760908 implements MigrationInterface {
  name = 'AddressBookAndStorefront1796289760908';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`member_addresses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`recipientName\` varchar(32) NOT NULL, \`phone\` varchar(11) NOT NULL, \`province\` varchar(32) NOT NULL, \`city\` varchar(32) NOT NULL, \`district\` varchar(32) NOT NULL, \`detail\` varchar(160) NOT NULL, \`isDefault\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`idx_member_addresses_member\` (\`memberId\`, \`isDefault\`, \`updatedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`storefront_settings\` (\`id\` int NOT NULL, \`hotKeywords\` text NOT NULL, \`servicePhone\` varchar(20) NOT NULL, \`serviceHours\` varchar(40) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`storefront_settings\``);
    await queryRunner.query(`DROP INDEX \`idx_member_addresses_member\` ON \`member_addresses\``);
    await queryRunner.query(`DROP TABLE \`member_addresses\``);
  }
}
