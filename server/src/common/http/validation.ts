import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ApiErrorDetail } from '@tidepool/shared';
import { DomainException } from '../errors/domain.exception';

/** Validate at the edge only: unknown fields are refused (naming them), strings are converted per the DTO. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => validationException(errors),
  });
}

export function validationException(errors: ValidationError[]): DomainException {
  const details = flatten(errors);
  const summary = details
    .map((d) => (d.reason.includes('should not exist') ? `不支持的字段 ${d.field}` : `字段 ${d.field} 无效`))
    .join('；');
  return new DomainException('VALIDATION_FAILED', `请求参数有误：${summary}`, details);
}

function flatten(errors: ValidationError[], prefix = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
