import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { StoresModule } from '../stores';
import { AdminStaffController } from './admin-staff.controller';
import { StaffAdminService } from './staff-admin.service';

/**
 * The staff accounts' admin routes. Apart from the staff module because they are audited, and the audit module
 * reads the staff module (for the actor's name): the staff module cannot depend on it without a cycle.
 */
@Module({
  imports: [StaffModule, StoresModule],
  controllers: [AdminStaffController],
  providers: [StaffAdminService],
})
export class StaffAdminModule {}
