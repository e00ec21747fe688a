import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SegmentsAndWinBack1796324584731 implements MigrationInterface {
  name = 'SegmentsAndWinBack1796324584731';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`segments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`description\` varchar(500) NOT NULL DEFAULT '', \`rule\` text NOT NULL, \`createdBy\` int NOT NULL, \`updatedBy\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_3dfbc88ab8243f9d3bd0b75d6d\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`win_back_programmes\` (\`id\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`wave1TemplateCode\` varchar(32) NULL, \`wave2TemplateCode\` varchar(32) NULL, \`wave2AfterDays\` int NOT NULL DEFAULT '7', \`holdoutBp\` int NOT NULL DEFAULT '1000', \`updatedBy\` int NULL, \`updatedAt\` datetime(3) NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`win_back_cycles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`cycleKey\` varchar(32) NOT NULL, \`treated\` tinyint NOT NULL, \`wave1At\` datetime(3) NOT NULL, \`wave1IssuedAt\` datetime(3) NULL, \`wave2At\` datetime(3) NULL, \`wave2IssuedAt\` datetime(3) NULL, \`returnedAt\` datetime(3) NULL, INDEX \`IDX_7292dc9c1e6e581b91bcabb10b\` (\`returnedAt\`, \`id\`), UNIQUE INDEX \`IDX_c9e66f384d22655c1ad5b0b217\` (\`memberId\`, \`cycleKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c9e66f384d22655c1ad5b0b217\` ON \`win_back_cycles\``);
    await queryRunner.query(`DROP INDEX \`IDX_7292dc9c1e6e581b91bcabb10b\` ON \`win_back_cycles\``);
    await queryRunner.query(`DROP TABLE \`win_back_cycles\``);
    await queryRunner.query(`DROP TABLE \`win_back_programmes\``);
    await queryRunner.query(`DROP INDEX \`IDX_3dfbc88ab8243f9d3bd0b75d6d\` ON \`segments\``);
    await queryRunner.query(`DROP TABLE \`segments\``);
  }
}
