import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795485369249 implements MigrationInterface {
  name = 'Initial1795485369249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`categories\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, \`iconUrl\` varchar(255) NOT NULL DEFAULT '', \`sort\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`skus\` (\`id\` int NOT NULL AUTO_INCREMENT, \`productId\` int NOT NULL, \`code\` varchar(64) NOT NULL, \`specs\` text NOT NULL, \`priceFen\` int NOT NULL, \`stock\` int UNSIGNED NOT NULL DEFAULT '0', \`sort\` int NOT NULL DEFAULT '0', INDEX \`IDX_7beba067c3aa6601fa17a0bda8\` (\`productId\`), UNIQUE INDEX \`IDX_98ad793f30cbf60d4b561fbd79\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`products\` (\`id\` int NOT NULL AUTO_INCREMENT, \`categoryId\` int NOT NULL, \`name\` varchar(64) NOT NULL, \`subtitle\` varchar(128) NOT NULL DEFAULT '', \`description\` text NOT NULL, \`coverUrl\` varchar(255) NOT NULL, \`images\` text NOT NULL, \`priceFen\` int NOT NULL, \`originalPriceFen\` int NULL, \`sales\` int NOT NULL DEFAULT '0', \`status\` varchar(16) NOT NULL DEFAULT 'ON_SALE', \`sort\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_products_listing\` (\`status\`, \`categoryId\`, \`sort\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`brands\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_1687d82f42d8b3f8162a29e7df\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`stores\` (\`id\` int NOT NULL AUTO_INCREMENT, \`brandId\` int NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`address\` varchar(255) NOT NULL DEFAULT '', \`timeZone\` varchar(64) NOT NULL DEFAULT 'Asia/Shanghai', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_9fcbf1f2e205f004e597c1fb79\` (\`brandId\`), UNIQUE INDEX \`IDX_72bdebc754d6a689b3c169cab8\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff_accounts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`role\` varchar(16) NOT NULL, \`storeId\` int NULL, \`displayName\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_ac3abe912f1f644da8831afdeb\` (\`storeId\`), UNIQUE INDEX \`IDX_64e8fa86be63f4a57d92d4937d\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`skus\` ADD CONSTRAINT \`FK_7beba067c3aa6601fa17a0bda80\` FOREIGN KEY (\`productId\`) REFERENCES \`products\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`products\` ADD CONSTRAINT \`FK_ff56834e735fa78a15d0cf21926\` FOREIGN KEY (\`categoryId\`) REFERENCES \`categories\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`stores\` ADD CONSTRAINT \`FK_9fcbf1f2e205f004e597c1fb79c\` FOREIGN KEY (\`brandId\`) REFERENCES \`brands\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`staff_accounts\` ADD CONSTRAINT \`FK_ac3abe912f1f644da8831afdeba\` FOREIGN KEY (\`storeId\`) REFERENCES \`stores\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff_accounts\` DROP FOREIGN KEY \`FK_ac3abe912f1f644da8831afdeba\``);
    await queryRunner.query(`ALTER TABLE \`stores\` DROP FOREIGN KEY \`FK_9fcbf1f2e205f004e597c1fb79c\``);
    await queryRunner.query(`ALTER TABLE \`products\` DROP FOREIGN KEY \`FK_ff56834e735fa78a15d0cf21926\``);
    await queryRunner.query(`ALTER TABLE \`skus\` DROP FOREIGN KEY \`FK_7beba067c3aa6601fa17a0bda80\``);
    await queryRunner.query(`DROP INDEX \`IDX_64e8fa86be63f4a57d92d4937d\` ON \`staff_accounts\``);
    await queryRunner.query(`DROP INDEX \`IDX_ac3abe912f1f644da8831afdeb\` ON \`staff_accounts\``);
    await queryRunner.query(`DROP TABLE \`staff_accounts\``);
    await queryRunner.query(`DROP INDEX \`IDX_72bdebc754d6a689b3c169cab8\` ON \`stores\``);
    await queryRunner.query(`DROP INDEX \`IDX_9fcbf1f2e205f004e597c1fb79\` ON \`stores\``);
    await queryRunner.query(`DROP TABLE \`stores\``);
    await queryRunner.query(`DROP INDEX \`IDX_1687d82f42d8b3f8162a29e7df\` ON \`brands\``);
    await queryRunner.query(`DROP TABLE \`brands\``);
    await queryRunner.query(`DROP INDEX \`idx_products_listing\` ON \`products\``);
    await queryRunner.query(`DROP TABLE \`products\``);
    await queryRunner.query(`DROP INDEX \`IDX_98ad793f30cbf60d4b561fbd79\` ON \`skus\``);
    await queryRunner.query(`DROP INDEX \`IDX_7beba067c3aa6601fa17a0bda8\` ON \`skus\``);
    await queryRunner.query(`DROP TABLE \`skus\``);
    await queryRunner.query(`DROP TABLE \`categories\``);
  }
}
