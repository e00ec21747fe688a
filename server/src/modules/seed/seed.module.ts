import { Module } from '@nestjs/common';
import { MemberFactsModule } from '../member-facts';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [MemberFactsModule], providers: [DemoSeedService] })
export class SeedModule {}
