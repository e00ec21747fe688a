import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatAccessTokens1795487026548 implements MigrationInterface {
  name = 'WechatAccessTokens1795487026548';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`wechat_access_tokens\` (\`appid\` varchar(64) NOT NULL, \`token\` varchar(512) NULL, \`expiresAt\` datetime(3) NULL, \`refreshingUntil\` datetime(3) NULL, \`leaseOwner\` varchar(64) NULL, PRIMARY KEY (\`appid\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`wechat_access_tokens\``);
  }
}
