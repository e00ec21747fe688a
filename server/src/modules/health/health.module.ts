import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { TimeController } from './time.controller';

@Module({ controllers: [HealthController, TimeController] })
export class HealthModule {}
