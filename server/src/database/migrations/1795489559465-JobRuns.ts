import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobRuns1795489559465 implements MigrationInterface {
  name = 'JobRuns1795489559465';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`job_runs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`job\` varchar(64) NOT NULL, \`runKey\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '1', \`startedAt\` datetime(3) NOT NULL, \`leaseUntil\` datetime(3) NOT NULL, \`finishedAt\` datetime(3) NULL, \`outcome\` varchar(1000) NOT NULL DEFAULT '', UNIQUE INDEX \`IDX_16b6d2ab7f51f209587b7d139c\` (\`job\`, \`runKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_16b6d2ab7f51f209587b7d139c\` ON \`job_runs\``);
    await queryRunner.query(`DROP TABLE \`job_runs\``);
  }
}
