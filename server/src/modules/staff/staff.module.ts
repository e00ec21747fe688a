import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffAccount } from './staff-account.entity';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffAccount])],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
