import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Membership1795489190233 implements MigrationInterface {
  name = 'Membership1795489190233';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`member_vouchers\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`title\` varchar(64) NOT NULL, \`description\` varchar(255) NOT NULL DEFAULT '', \`sourceKey\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`issuedAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NULL, \`redeemedAt\` datetime(3) NULL, \`redeemedStoreId\` int NULL, \`redeemedByStaffId\` int NULL, \`redeemedScanId\` int NULL, INDEX \`IDX_b66c4ae23ab6813d32197cc383\` (\`memberId\`, \`status\`), UNIQUE INDEX \`IDX_0d183dbaddcb1dc92f8aa96a3b\` (\`sourceKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`member_code_scans\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NULL, \`storeId\` int NOT NULL, \`staffId\` int NOT NULL, \`result\` varchar(10) NOT NULL, \`useKey\` varchar(32) NULL, \`scannedAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NULL, INDEX \`IDX_c1e746dd021491f76972ce52aa\` (\`memberId\`), INDEX \`IDX_f9db6d98270634acf47bb96f99\` (\`staffId\`, \`scannedAt\`), UNIQUE INDEX \`IDX_cbd060325d6d0a05499776ca7e\` (\`useKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`signup_codes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`token\` varchar(32) NOT NULL, \`ownerKey\` varchar(32) NOT NULL, \`storeId\` int NOT NULL, \`staffId\` int NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_4df018321a0dccc54919f43c2d\` (\`token\`), UNIQUE INDEX \`IDX_dd644fdea1e91291e25051f40b\` (\`ownerKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`signedUpAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`consentVersion\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`consentedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`birthday\` varchar(5) NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`signupStoreId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`signupStaffId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`codeHandle\` varchar(10) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`members\` ADD UNIQUE INDEX \`IDX_4a9ba2b3e7d0e32b6c6d4d1b0d\` (\`codeHandle\`)`,
    );
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`codeSecret\` varchar(40) NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`deletedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`members\` ADD UNIQUE INDEX \`IDX_090c60f7851c98387ce3e1995e\` (\`phone\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_95f99fc34450a08380f4669e65\` ON \`members\` (\`signupStoreId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_95f99fc34450a08380f4669e65\` ON \`members\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP INDEX \`IDX_090c60f7851c98387ce3e1995e\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`deletedAt\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`codeSecret\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP INDEX \`IDX_4a9ba2b3e7d0e32b6c6d4d1b0d\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`codeHandle\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`signupStaffId\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`signupStoreId\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`birthday\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`consentedAt\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`consentVersion\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`signedUpAt\``);
    await queryRunner.query(`DROP INDEX \`IDX_dd644fdea1e91291e25051f40b\` ON \`signup_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_4df018321a0dccc54919f43c2d\` ON \`signup_codes\``);
    await queryRunner.query(`DROP TABLE \`signup_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_cbd060325d6d0a05499776ca7e\` ON \`member_code_scans\``);
    await queryRunner.query(`DROP INDEX \`IDX_f9db6d98270634acf47bb96f99\` ON \`member_code_scans\``);
    await queryRunner.query(`DROP INDEX \`IDX_c1e746dd021491f76972ce52aa\` ON \`member_code_scans\``);
    await queryRunner.query(`DROP TABLE \`member_code_scans\``);
    await queryRunner.query(`DROP INDEX \`IDX_0d183dbaddcb1dc92f8aa96a3b\` ON \`member_vouchers\``);
    await queryRunner.query(`DROP INDEX \`IDX_b66c4ae23ab6813d32197cc383\` ON \`member_vouchers\``);
    await queryRunner.query(`DROP TABLE \`member_vouchers\``);
  }
}
