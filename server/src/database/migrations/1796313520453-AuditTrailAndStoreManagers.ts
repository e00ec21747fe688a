import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrailAndStoreManagers1796313520453 implements MigrationInterface {
  name = 'AuditTrailAndStoreManagers1796313520453';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`actorId\` int NOT NULL, \`actorRole\` varchar(16) NOT NULL, \`actorName\` varchar(64) NOT NULL, \`action\` varchar(48) NOT NULL, \`objectType\` varchar(24) NOT NULL, \`objectId\` varchar(64) NOT NULL, \`storeId\` int NULL, \`beforeJson\` text NULL, \`afterJson\` text NULL, INDEX \`IDX_eb276d4cc68390db812ab8a7bb\` (\`storeId\`, \`id\`), INDEX \`IDX_48be73c313cc9a8a7097575915\` (\`actorId\`, \`id\`), INDEX \`IDX_7f1b35a247f51c40738f70e62e\` (\`objectType\`, \`objectId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_7f1b35a247f51c40738f70e62e\` ON \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_48be73c313cc9a8a7097575915\` ON \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_eb276d4cc68390db812ab8a7bb\` ON \`audit_entries\``);
    await queryRunner.query(`DROP TABLE \`audit_entries\``);
  }
}
