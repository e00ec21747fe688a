import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CartAndCatalogAdmin1795491425928 implements MigrationInterface {
  name = 'CartAndCatalogAdmin1795491425928';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`cart_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`skuId\` int NOT NULL, \`quantity\` int NOT NULL, \`selected\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_59c547323fa4f015c6ca29ee9f\` (\`skuId\`), UNIQUE INDEX \`uq_cart_items_member_sku\` (\`memberId\`, \`skuId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cart_merges\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`mergeId\` varchar(64) NOT NULL, \`itemsHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_cart_merges_member_merge\` (\`memberId\`, \`mergeId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`promotionTags\` varchar(300) NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE \`cart_items\` ADD CONSTRAINT \`FK_59c547323fa4f015c6ca29ee9f9\` FOREIGN KEY (\`skuId\`) REFERENCES \`skus\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`cart_items\` DROP FOREIGN KEY \`FK_59c547323fa4f015c6ca29ee9f9\``);
    await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`promotionTags\``);
    await queryRunner.query(`DROP INDEX \`uq_cart_merges_member_merge\` ON \`cart_merges\``);
    await queryRunner.query(`DROP TABLE \`cart_merges\``);
    await queryRunner.query(`DROP INDEX \`uq_cart_items_member_sku\` ON \`cart_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_59c547323fa4f015c6ca29ee9f\` ON \`cart_items\``);
    await queryRunner.query(`DROP TABLE \`cart_items\``);
  }
}
