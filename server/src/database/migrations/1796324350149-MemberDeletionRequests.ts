import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberDeletionRequests1796324350149 implements MigrationInterface {
  name = 'MemberDeletionRequests1796324350149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`member_deletion_requests\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`pendingMemberId\` int NULL, \`status\` varchar(16) NOT NULL, \`requestedAt\` datetime(3) NOT NULL, \`processedAt\` datetime(3) NULL, \`processedByStaffId\` int NULL, \`processedByName\` varchar(64) NULL, INDEX \`idx_member_deletion_requests_member\` (\`memberId\`), UNIQUE INDEX \`uq_member_deletion_requests_pending\` (\`pendingMemberId\`), INDEX \`idx_member_deletion_requests_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_member_deletion_requests_status\` ON \`member_deletion_requests\``);
    await queryRunner.query(`DROP INDEX \`uq_member_deletion_requests_pending\` ON \`member_deletion_requests\``);
    await queryRunner.query(`DROP INDEX \`idx_member_deletion_requests_member\` ON \`member_deletion_requests\``);
    await queryRunner.query(`DROP TABLE \`member_deletion_requests\``);
  }
}
