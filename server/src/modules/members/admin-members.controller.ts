import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { maskPhone, type MemberTierView, tierFor } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { BrandSettings } from '../brand';
import { MemberLoyaltyReader } from './member-loyalty';
import { MembersService } from './members.service';

/** What an operator sees of one member: phone masked, as in every staff-facing response. */
export interface OperatorMemberView {
  id: number;
  phoneMasked: string | null;
  signedUpAt: string | null;
  signupStoreId: number | null;
  tier: MemberTierView;
  points: number;
  growth: number;
}

@ApiTags('admin')
@Roles('operator')
@Controller('admin/members')
export class AdminMembersController {
  constructor(
    private readonly members: MembersService,
    private readonly loyalty: MemberLoyaltyReader,
    private readonly brand: BrandSettings,
  ) {}

  @Get(':id')
  @ApiOkResponse({ description: 'OperatorMemberView; 404 MEMBER_NOT_FOUND' })
  async get(@Param('id', new IdParamPipe()) id: number): Promise<OperatorMemberView> {
    const member = await this.members.findById(id);
    if (!member) throw new DomainException('MEMBER_NOT_FOUND');
    const { points, growth } = await this.loyalty.numbers(id);
    const tier = tierFor(growth, this.brand.rules().tierTable);
    return {
      id: member.id,
      phoneMasked: maskPhone(member.phone),
      signedUpAt: member.signedUpAt?.toISOString() ?? null,
      signupStoreId: member.signupStoreId,
      tier: { code: tier.code, name: tier.name },
      points,
      growth,
    };
  }
}
