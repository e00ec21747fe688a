import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BrandRuleVersions1796315182951 implements MigrationInterface {
  name = 'BrandRuleVersions1796315182951';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`brand_rule_versions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`effectiveFrom\` datetime(3) NOT NULL, \`rulesJson\` text NOT NULL, \`note\` varchar(200) NOT NULL DEFAULT '', \`createdByStaffId\` int NOT NULL, \`createdByName\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`cancelledAt\` datetime(3) NULL, INDEX \`IDX_aa3bd6462788f0a1ba6591c080\` (\`effectiveFrom\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_aa3bd6462788f0a1ba6591c080\` ON \`brand_rule_versions\``);
    await queryRunner.query(`DROP TABLE \`brand_rule_versions\``);
  }
}
