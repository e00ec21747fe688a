import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  maskPhone,
  type MemberTierView,
  type OperatorMemberSearchResponse,
  tierByCode,
  tierFor,
} from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { BrandSettings } from '../brand';
import { AdminMemberSearchQueryDto } from './dto/admin-members.requests';
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

  @Get()
  @ApiOperation({
    summary: 'Find a member by full phone (the coupon issuing form)',
    description:
      'Matches a signed-up, live member by the full mainland mobile; answers at most one item with the phone ' +
      'masked (138****1234) and the tier. An unknown phone answers an empty list, not 404.',
  })
  @ApiOkResponse({ description: 'OperatorMemberSearchResponse' })
  async search(@Query() query: AdminMemberSearchQueryDto): Promise<OperatorMemberSearchResponse> {
    const id = (await this.members.idsByPhones([query.phone])).get(query.phone);
    const member = id === undefined ? null : await this.members.findById(id);
    if (!member) return { items: [] };
    const tiers = await this.loyalty.tiersOf([member.id]);
    const tier = tierByCode(tiers.get(member.id) ?? 'NORMAL', this.brand.rules().tierTable);
    return {
      items: [
        {
          id: member.id,
          phoneMasked: maskPhone(member.phone),
          tier: { code: tier.code, name: tier.name },
          signedUpAt: member.signedUpAt?.toISOString() ?? null,
        },
      ],
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One member as an operator sees it (phone masked)' })
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
