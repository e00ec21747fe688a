import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DistributionProductsFollowBrandRates1796324941867 implements MigrationInterface {
  name = 'DistributionProductsFollowBrandRates1796324941867';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`distribution_products\` CHANGE \`rateBp\` \`rateBp\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`distribution_products\` CHANGE \`secondRateBp\` \`secondRateBp\` int NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`distribution_products\` CHANGE \`secondRateBp\` \`secondRateBp\` int NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`distribution_products\` CHANGE \`rateBp\` \`rateBp\` int NOT NULL`);
  }
}
