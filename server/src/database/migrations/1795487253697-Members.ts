import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Members1795487253697 implements MigrationInterface {
  name = 'Members1795487253697';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`members\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`phone\` varchar(20) NULL, \`createdAt\` datetime(3) NOT NULL, \`lastLoginAt\` datetime(3) NOT NULL, INDEX \`IDX_34b4c66f9c256e7e4392b216ce\` (\`unionid\`), UNIQUE INDEX \`IDX_373699ae6d702609d3747a6a9b\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_373699ae6d702609d3747a6a9b\` ON \`members\``);
    await queryRunner.query(`DROP INDEX \`IDX_34b4c66f9c256e7e4392b216ce\` ON \`members\``);
    await queryRunner.query(`DROP TABLE \`members\``);
  }
}
