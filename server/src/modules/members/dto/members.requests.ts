import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  isValidBirthday,
  type SetBirthdayRequest,
  type SignupRequest,
  VOUCHER_STATUSES,
  type VoucherStatus,
} from '@tidepool/shared';
import { IsIn, IsOptional, IsString, Length, Matches, registerDecorator } from 'class-validator';

/** MM-DD that exists in some year (02-29 allowed). */
function IsBirthday(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBirthday',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a month-day such as 05-20` },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidBirthday(value) },
    });
}

export class SignupDto implements SignupRequest {
  @ApiProperty({ description: 'Code from the getPhoneNumber button (dev gateway: dev-phone-<11 digits>)' })
  @IsString()
  @Length(1, 128)
  phoneCode: string;

  @ApiProperty({ description: 'The privacy terms version the member accepted', example: '2026-11-01' })
  @IsString()
  @Length(1, 32)
  consentVersion: string;

  @ApiPropertyOptional({ example: '05-20' })
  @IsOptional()
  @IsBirthday()
  birthday?: string;

  @ApiPropertyOptional({ description: 'Scene token of the scanned store signup code' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,32}$/)
  signupToken?: string;
}

export class SetBirthdayDto implements SetBirthdayRequest {
  @ApiProperty({ example: '05-20' })
  @IsBirthday()
  birthday: string;
}

export class VoucherListQueryDto {
  @ApiPropertyOptional({ enum: VOUCHER_STATUSES })
  @IsOptional()
  @IsIn(VOUCHER_STATUSES)
  status?: VoucherStatus;
}
