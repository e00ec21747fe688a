import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff';
import { AdminAuditController } from './admin-audit.controller';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log.service';

/** Global: every module's admin writes record here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), StaffModule],
  controllers: [AdminAuditController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
