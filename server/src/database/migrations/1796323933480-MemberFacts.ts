import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberFacts1796323933480 implements MigrationInterface {
  name = 'MemberFacts1796323933480';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`member_facts\` (\`memberId\` int NOT NULL, \`firstPurchaseAt\` datetime(3) NULL, \`lastPurchaseAt\` datetime(3) NULL, \`orders365\` int NOT NULL DEFAULT '0', \`spend365Fen\` int NOT NULL DEFAULT '0', \`onlineOrders365\` int NOT NULL DEFAULT '0', \`dropOrders365\` int NOT NULL DEFAULT '0', \`tillOrders365\` int NOT NULL DEFAULT '0', \`typicalGapDays\` double NULL, \`homeStoreId\` int NULL, \`promoterId\` int NULL, \`tierKey\` varchar(16) NULL, \`birthMonth\` int NULL, \`stage\` varchar(16) NOT NULL DEFAULT 'INTRODUCTION', \`stageSince\` datetime(3) NOT NULL, \`relationship\` varchar(16) NOT NULL DEFAULT 'FAN', \`relationshipSince\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_66b108bdaa9939cbf17a354eb6\` (\`lastPurchaseAt\`), INDEX \`IDX_5450e9cc4dc2d0f4f2255ad71b\` (\`spend365Fen\`), INDEX \`IDX_89937cf1fb54380ee9d73e02c8\` (\`stage\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`member_stage_changes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`fromValue\` varchar(16) NULL, \`toValue\` varchar(16) NOT NULL, \`enteredAt\` datetime(3) NOT NULL, INDEX \`IDX_c4efe05b1b0710801c9f9390bb\` (\`kind\`, \`toValue\`, \`enteredAt\`), INDEX \`IDX_1940a899c8bed73115f6cd161e\` (\`memberId\`, \`enteredAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1940a899c8bed73115f6cd161e\` ON \`member_stage_changes\``);
    await queryRunner.query(`DROP INDEX \`IDX_c4efe05b1b0710801c9f9390bb\` ON \`member_stage_changes\``);
    await queryRunner.query(`DROP TABLE \`member_stage_changes\``);
    await queryRunner.query(`DROP INDEX \`IDX_89937cf1fb54380ee9d73e02c8\` ON \`member_facts\``);
    await queryRunner.query(`DROP INDEX \`IDX_5450e9cc4dc2d0f4f2255ad71b\` ON \`member_facts\``);
    await queryRunner.query(`DROP INDEX \`IDX_66b108bdaa9939cbf17a354eb6\` ON \`member_facts\``);
    await queryRunner.query(`DROP TABLE \`member_facts\``);
  }
}
