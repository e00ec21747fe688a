import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AdminStoreSignupCodeView, AdminStoreView, Page } from '@tidepool/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { storeScopeOf, type Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { AdminStoreQueryDto, SaveStoreDto } from './dto/admin-stores.requests';
import { StoresAdminService } from './stores-admin.service';

@ApiTags('admin')
@Roles('operator', 'store_manager')
@Controller('admin/stores')
export class AdminStoresController {
  constructor(private readonly stores: StoresAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Stores, by id, filtered by name or code',
    description: 'A store manager sees only their own store.',
  })
  @ApiOkResponse({ description: 'Page<AdminStoreView>' })
  list(@Query() query: AdminStoreQueryDto, @CurrentUser() principal: Principal): Promise<Page<AdminStoreView>> {
    return this.stores.list(query, storeScopeOf(principal));
  }

  @Roles('operator')
  @Post()
  @ApiOperation({
    summary: 'Open a store',
    description: 'Operators only. Code unique (409 STORE_CODE_TAKEN); time zone an IANA name; recorded in the audit.',
  })
  @ApiOkResponse({ description: 'AdminStoreView' })
  create(@Body() body: SaveStoreDto, @CurrentUser() principal: Principal): Promise<AdminStoreView> {
    return this.stores.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One store', description: '404 STORE_NOT_FOUND also for another store of a manager.' })
  @ApiOkResponse({ description: 'AdminStoreView' })
  get(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminStoreView> {
    return this.stores.get(id, storeScopeOf(principal));
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit a store (every field)',
    description: 'A store manager may edit only their own store (another → 404). Recorded in the audit.',
  })
  @ApiOkResponse({ description: 'AdminStoreView' })
  update(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: SaveStoreDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminStoreView> {
    return this.stores.update(principal, id, body, storeScopeOf(principal));
  }

  @Get(':id/signup-code')
  @ApiOperation({
    summary: "The store's signup code: token, the page it opens, and where its print-size image is",
    description: 'The code is made on first request and is the same ever after (the printed poster stays valid).',
  })
  @ApiOkResponse({ description: 'AdminStoreSignupCodeView' })
  signupCode(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
  ): Promise<AdminStoreSignupCodeView> {
    return this.stores.signupCode(id, storeScopeOf(principal));
  }

  @Get(':id/signup-code.png')
  @ApiOperation({
    summary: "The store's signup mini program code as a 1280 px PNG, for printing",
    description:
      'wxacode.getUnlimited (scene = the signup token, page = the signup page) through the WeChat gateway; the ' +
      "development gateway draws a QR of the same scene. The store's name is printed beside it by the console.",
  })
  @ApiProduces('image/png')
  async signupPng(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.stores.signupPng(id, storeScopeOf(principal));
    void reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=3600');
    return png;
  }
}
