import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Loyalty1795489557605 implements MigrationInterface {
  name = 'Loyalty1795489557605';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`growth_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`growth\` int NOT NULL, \`growthAfter\` int NOT NULL, \`tierAfter\` varchar(16) NOT NULL, \`idempotencyKey\` varchar(160) NOT NULL, \`sourceType\` varchar(32) NOT NULL, \`sourceId\` varchar(64) NOT NULL, \`reversesEntryId\` int NULL, \`reason\` varchar(255) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_growth_entries_idempotency_key\` (\`idempotencyKey\`), INDEX \`idx_growth_entries_reverses\` (\`reversesEntryId\`), INDEX \`idx_growth_entries_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`member_tiers\` (\`memberId\` int NOT NULL, \`growth\` int UNSIGNED NOT NULL DEFAULT '0', \`tier\` varchar(16) NOT NULL DEFAULT 'NORMAL', \`version\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_accounts\` (\`memberId\` int NOT NULL, \`available\` int UNSIGNED NOT NULL DEFAULT '0', \`debt\` int UNSIGNED NOT NULL DEFAULT '0', \`version\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`points\` int NOT NULL, \`availableAfter\` int NOT NULL, \`debtAfter\` int NOT NULL, \`idempotencyKey\` varchar(160) NOT NULL, \`sourceType\` varchar(32) NOT NULL, \`sourceId\` varchar(64) NOT NULL, \`reversesEntryId\` int NULL, \`reason\` varchar(255) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_points_entries_idempotency_key\` (\`idempotencyKey\`), INDEX \`idx_points_entries_reverses\` (\`reversesEntryId\`), INDEX \`idx_points_entries_source\` (\`sourceType\`, \`sourceId\`), INDEX \`idx_points_entries_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_lots\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`earnedEntryId\` int NOT NULL, \`points\` int UNSIGNED NOT NULL, \`remaining\` int UNSIGNED NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`status\` varchar(16) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_points_lots_earned_entry\` (\`earnedEntryId\`), INDEX \`idx_points_lots_due\` (\`status\`, \`expiresAt\`), INDEX \`idx_points_lots_member_open\` (\`memberId\`, \`status\`, \`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`tier_changes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`fromTier\` varchar(16) NOT NULL, \`toTier\` varchar(16) NOT NULL, \`growthAfter\` int NOT NULL, \`growthEntryId\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_tier_changes_growth_entry\` (\`growthEntryId\`), INDEX \`idx_tier_changes_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_tier_changes_member\` ON \`tier_changes\``);
    await queryRunner.query(`DROP INDEX \`uq_tier_changes_growth_entry\` ON \`tier_changes\``);
    await queryRunner.query(`DROP TABLE \`tier_changes\``);
    await queryRunner.query(`DROP INDEX \`idx_points_lots_member_open\` ON \`points_lots\``);
    await queryRunner.query(`DROP INDEX \`idx_points_lots_due\` ON \`points_lots\``);
    await queryRunner.query(`DROP INDEX \`uq_points_lots_earned_entry\` ON \`points_lots\``);
    await queryRunner.query(`DROP TABLE \`points_lots\``);
    await queryRunner.query(`DROP INDEX \`idx_points_entries_member\` ON \`points_entries\``);
    await queryRunner.query(`DROP INDEX \`idx_points_entries_source\` ON \`points_entries\``);
    await queryRunner.query(`DROP INDEX \`idx_points_entries_reverses\` ON \`points_entries\``);
    await queryRunner.query(`DROP INDEX \`uq_points_entries_idempotency_key\` ON \`points_entries\``);
    await queryRunner.query(`DROP TABLE \`points_entries\``);
    await queryRunner.query(`DROP TABLE \`points_accounts\``);
    await queryRunner.query(`DROP TABLE \`member_tiers\``);
    await queryRunner.query(`DROP INDEX \`idx_growth_entries_member\` ON \`growth_entries\``);
    await queryRunner.query(`DROP INDEX \`idx_growth_entries_reverses\` ON \`growth_entries\``);
    await queryRunner.query(`DROP INDEX \`uq_growth_entries_idempotency_key\` ON \`growth_entries\``);
    await queryRunner.query(`DROP TABLE \`growth_entries\``);
  }
}
