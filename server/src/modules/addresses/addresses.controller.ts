import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AddressView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { MembersService } from '../members';
import { AddressesService } from './addresses.service';
import { AddressInputDto } from './dto/address.requests';

/** The caller's own address book (收货地址): ids are looked up within the caller's addresses only. */
@ApiTags('addresses')
@Roles('member', 'promoter')
@Controller('addresses')
export class AddressesController {
  constructor(
    private readonly addresses: AddressesService,
    private readonly members: MembersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List my addresses (default first)' })
  @ApiOkResponse({ description: 'AddressView[]' })
  async list(@CurrentUser() principal: Principal): Promise<AddressView[]> {
    return this.addresses.list(await this.memberId(principal));
  }

  @Post()
  @ApiOperation({ summary: 'Add an address (max 20; the first one becomes the default)' })
  @ApiOkResponse({ description: 'AddressView (201)' })
  @ApiConflictResponse({ description: 'ADDRESS_LIMIT_REACHED' })
  async create(@CurrentUser() principal: Principal, @Body() body: AddressInputDto): Promise<AddressView> {
    return this.addresses.create(await this.memberId(principal), body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my addresses' })
  @ApiOkResponse({ description: 'AddressView' })
  @ApiNotFoundResponse({ description: 'ADDRESS_NOT_FOUND' })
  async get(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<AddressView> {
    return this.addresses.get(await this.memberId(principal), id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace one of my addresses' })
  @ApiOkResponse({ description: 'AddressView' })
  @ApiNotFoundResponse({ description: 'ADDRESS_NOT_FOUND' })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AddressInputDto,
  ): Promise<AddressView> {
    return this.addresses.update(await this.memberId(principal), id, body);
  }

  @Post(':id/default')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make one of my addresses the default' })
  @ApiOkResponse({ description: 'AddressView' })
  @ApiNotFoundResponse({ description: 'ADDRESS_NOT_FOUND' })
  async setDefault(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<AddressView> {
    return this.addresses.setDefault(await this.memberId(principal), id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of my addresses (a deleted default passes to the newest other one)' })
  @ApiNotFoundResponse({ description: 'ADDRESS_NOT_FOUND' })
  async remove(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number): Promise<void> {
    await this.addresses.remove(await this.memberId(principal), id);
  }

  /** A deleted account's old token no longer reaches its addresses. */
  private async memberId(principal: Principal): Promise<number> {
    return (await this.members.requireById(principal.id)).id;
  }
}
