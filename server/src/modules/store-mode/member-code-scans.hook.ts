import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MemberDataHooks } from '../members';
import { MemberCodeScan } from './member-code-scan.entity';

/** The member's accepted scans, for the personal-data export the members module assembles. */
@Injectable()
export class MemberCodeScansHook implements OnModuleInit {
  constructor(
    private readonly hooks: MemberDataHooks,
    @InjectRepository(MemberCodeScan) private readonly scans: Repository<MemberCodeScan>,
  ) {}

  onModuleInit(): void {
    this.hooks.readScansWith(async (memberId) => {
      const rows = await this.scans.find({
        where: { memberId, result: 'ACCEPTED' },
        order: { scannedAt: 'DESC' },
        take: 500,
      });
      return rows.map((row) => ({ at: row.scannedAt, storeId: row.storeId }));
    });
  }
}
