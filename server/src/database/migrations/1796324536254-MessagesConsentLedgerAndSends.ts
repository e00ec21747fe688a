import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagesConsentLedgerAndSends1796324536254 implements MigrationInterface {
  name = 'MessagesConsentLedgerAndSends1796324536254';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`message_consent_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`templateKey\` varchar(24) NOT NULL, \`kind\` varchar(10) NOT NULL, \`quantity\` int NOT NULL, \`sourcePage\` varchar(120) NOT NULL DEFAULT '', \`sendId\` int NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_b628042d3b8288c9d3e18abb42\` (\`memberId\`, \`templateId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`message_consents\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`templateKey\` varchar(24) NOT NULL, \`unspent\` int NOT NULL DEFAULT '0', \`lastGrantedAt\` datetime(3) NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_e42c2f8e18cfe3fc7baeecef14\` (\`memberId\`, \`templateId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`message_sends\` (\`id\` int NOT NULL AUTO_INCREMENT, \`dedupeKey\` varchar(96) NOT NULL, \`memberId\` int NOT NULL, \`templateKey\` varchar(24) NOT NULL, \`templateId\` varchar(64) NOT NULL, \`page\` varchar(255) NULL, \`data\` text NOT NULL, \`status\` varchar(10) NOT NULL, \`skipReason\` varchar(20) NULL, \`msgid\` varchar(32) NULL, \`errcode\` int NULL, \`errmsg\` varchar(120) NULL, \`requestedAt\` datetime(3) NOT NULL, \`dueAt\` datetime(3) NOT NULL, \`sentAt\` datetime(3) NULL, INDEX \`IDX_42fd395f8f4440bab3279b9439\` (\`requestedAt\`), INDEX \`IDX_1468dd7aad3d9c2c544b42db2e\` (\`memberId\`, \`status\`, \`sentAt\`), INDEX \`IDX_abad2d666650b557392f97b68e\` (\`status\`, \`dueAt\`), UNIQUE INDEX \`IDX_506cf97a56a459298e620d3e30\` (\`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_506cf97a56a459298e620d3e30\` ON \`message_sends\``);
    await queryRunner.query(`DROP INDEX \`IDX_abad2d666650b557392f97b68e\` ON \`message_sends\``);
    await queryRunner.query(`DROP INDEX \`IDX_1468dd7aad3d9c2c544b42db2e\` ON \`message_sends\``);
    await queryRunner.query(`DROP INDEX \`IDX_42fd395f8f4440bab3279b9439\` ON \`message_sends\``);
    await queryRunner.query(`DROP TABLE \`message_sends\``);
    await queryRunner.query(`DROP INDEX \`IDX_e42c2f8e18cfe3fc7baeecef14\` ON \`message_consents\``);
    await queryRunner.query(`DROP TABLE \`message_consents\``);
    await queryRunner.query(`DROP INDEX \`IDX_b628042d3b8288c9d3e18abb42\` ON \`message_consent_entries\``);
    await queryRunner.query(`DROP TABLE \`message_consent_entries\``);
  }
}
