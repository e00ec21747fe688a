import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from './password-hash';
import { StaffAccount } from './staff-account.entity';

@Injectable()
export class StaffService {
  /** Hashed once; checked against when the username is unknown so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(@InjectRepository(StaffAccount) private readonly accounts: Repository<StaffAccount>) {}

  /** The account when the password matches; null for an unknown username and a wrong password alike. */
  async verifyCredentials(username: string, password: string): Promise<StaffAccount | null> {
    const account = await this.accounts.findOneBy({ username });
    if (!account) {
      this.dummyHash ??= hashPassword('tidepool-no-such-account');
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    return (await verifyPassword(password, account.passwordHash)) ? account : null;
  }

  findById(id: number): Promise<StaffAccount | null> {
    return this.accounts.findOneBy({ id });
  }
}
