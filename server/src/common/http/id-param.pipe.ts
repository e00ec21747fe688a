import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

const MAX_ID = 2_147_483_647;

/** Parses a route `:id` as a positive 32-bit integer, answering VALIDATION_FAILED (not a 500) otherwise. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (!(id >= 1 && id <= MAX_ID)) {
      throw new DomainException('VALIDATION_FAILED', `请求参数有误：字段 ${this.field} 无效`, [
        { field: this.field, reason: `${this.field} must be a positive integer` },
      ]);
    }
    return id;
  }
}
