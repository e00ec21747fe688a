import { ApiProperty } from '@nestjs/swagger';
import type { WinBackProgrammeRequest } from '@tidepool/shared';
import { IsBoolean, IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';

export class WinBackProgrammeDto implements WinBackProgrammeRequest {
  @ApiProperty({ description: 'Off: the daily job only records returns of members already in a cycle' })
  @IsBoolean({ message: '请选择是否启用' })
  enabled: boolean;

  @ApiProperty({ nullable: true, example: 'WINBACK_10', description: 'Coupon template code of wave 1' })
  @ValidateIf(
    (o: WinBackProgrammeDto) => o.enabled || (o.wave1TemplateCode !== null && o.wave1TemplateCode !== undefined),
  )
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: '启用前请选择第一波优惠券' })
  wave1TemplateCode: string | null;

  @ApiProperty({
    nullable: true,
    example: 'WINBACK_20',
    description: 'Coupon template code of wave 2 (the larger one)',
  })
  @ValidateIf(
    (o: WinBackProgrammeDto) => o.enabled || (o.wave2TemplateCode !== null && o.wave2TemplateCode !== undefined),
  )
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: '启用前请选择第二波优惠券' })
  wave2TemplateCode: string | null;

  @ApiProperty({ example: 7, description: 'Days after wave 1 that wave 2 goes to members who have not bought' })
  @IsInt({ message: '请填写第二波间隔天数' })
  @Min(1, { message: '间隔至少 1 天' })
  @Max(90, { message: '间隔不能超过 90 天' })
  wave2AfterDays: number;

  @ApiProperty({ example: 1000, description: 'Held-out share in basis points, 0..5000 (1000 = 10%)' })
  @IsInt({ message: '请填写对照组比例' })
  @Min(0, { message: '对照组比例须在 0% 到 50% 之间' })
  @Max(5000, { message: '对照组比例须在 0% 到 50% 之间' })
  holdoutBp: number;
}
