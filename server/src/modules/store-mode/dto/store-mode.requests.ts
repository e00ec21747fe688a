import { ApiProperty } from '@nestjs/swagger';
import type { MemberCodeScanRequest, RedeemVoucherRequest } from '@tidepool/shared';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class MemberCodeScanDto implements MemberCodeScanRequest {
  @ApiProperty({ description: 'The 18-digit member code, scanned or typed (spaces allowed)' })
  @IsString()
  @Length(1, 64)
  code: string;
}

export class RedeemVoucherDto implements RedeemVoucherRequest {
  @ApiProperty({ description: 'The accepted scan of the member whose voucher this is' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  scanId: number;
}
