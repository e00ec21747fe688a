import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberFactsModule } from '../member-facts';
import { MembersModule } from '../members';
import { AdminSegmentsController } from './admin-segments.controller';
import { Segment } from './segment.entity';
import { SegmentsService } from './segments.service';

/** Segments (人群): saved rules over member facts, counted and previewed in SQL. */
@Module({
  imports: [TypeOrmModule.forFeature([Segment]), MemberFactsModule, MembersModule],
  controllers: [AdminSegmentsController],
  providers: [SegmentsService],
  exports: [SegmentsService],
})
export class SegmentsModule {}
