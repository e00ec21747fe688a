import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members';
import { AddressesController } from './addresses.controller';
import { AddressesService } from './addresses.service';
import { MemberAddress } from './member-address.entity';

/** The member's address book; checkout copies the chosen entry onto the order (orders keep their own snapshot). */
@Module({
  imports: [TypeOrmModule.forFeature([MemberAddress]), MembersModule],
  controllers: [AddressesController],
  providers: [AddressesService],
  exports: [AddressesService],
})
export class AddressesModule {}
