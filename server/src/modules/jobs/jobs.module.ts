import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRun } from './job-run.entity';
import { JobRunner } from './job-runner.service';
import { JobScheduler } from './job-scheduler.service';

/** Scheduled-job claims shared by every module's jobs (birthday coupons, point expiry, reconciliation…). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRun])],
  providers: [JobRunner, JobScheduler],
  exports: [JobRunner, JobScheduler],
})
export class JobsModule {}
