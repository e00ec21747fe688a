import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

/** What the simulator's H5 pay page posts when the member taps 确认支付 or 取消. */
export class SimPayDto {
  @ApiProperty({ description: 'The prepay_id from jsapiPrepay', example: 'wx20261125100000abcdef0123456789' })
  @IsString()
  @Length(1, 64)
  prepayId: string;

  @ApiProperty({ enum: ['pay', 'cancel'] })
  @IsIn(['pay', 'cancel'])
  action: 'pay' | 'cancel';

  @ApiPropertyOptional({ description: 'Where to go afterwards: a path on this site (or a loopback URL)' })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  returnUrl?: string;
}

export class SimPayResultDto {
  @ApiProperty({ description: 'The return URL with pay_result=success or pay_result=cancel added' })
  redirect: string;
}
