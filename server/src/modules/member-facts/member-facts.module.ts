import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberFactsRow } from './member-facts.entity';
import { MemberFactsReader } from './member-facts.reader';
import { MemberStageChange } from './member-stage-change.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MemberFactsRow, MemberStageChange])],
  providers: [MemberFactsReader],
  exports: [MemberFactsReader],
})
export class MemberFactsModule {}
