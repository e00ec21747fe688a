import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CartMergeResponse, CartView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { MembersService } from '../members';
import { CartService } from './cart.service';
import { CartItemAddDto, CartItemPutDto, CartMergeDto, CartSelectDto } from './dto/cart.requests';

/**
 * The caller's own cart: every route works on the principal's member id, never one from the request, so another
 * member's cart cannot be named. Every write answers with the whole cart (CartView).
 */
@ApiTags('cart')
@Roles('member', 'promoter')
@Controller('cart')
export class CartController {
  constructor(
    private readonly cart: CartService,
    private readonly members: MembersService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'CartView: lines with current price and availability, totals of the ticked lines' })
  async view(@CurrentUser() principal: Principal): Promise<CartView> {
    return this.cart.view(await this.memberId(principal));
  }

  @Post('items')
  @HttpCode(200)
  @ApiOkResponse({ description: 'CartView after adding the units (加入购物车)' })
  @ApiNotFoundResponse({ description: 'SKU_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'PRODUCT_OFF_SHELF, CART_OUT_OF_STOCK, STOCK_INSUFFICIENT, CART_LINE_LIMIT, CART_FULL',
  })
  async add(@CurrentUser() principal: Principal, @Body() body: CartItemAddDto): Promise<CartView> {
    return this.cart.add(await this.memberId(principal), body.skuId, body.quantity);
  }

  @Put('items/:skuId')
  @ApiOkResponse({ description: 'CartView after setting the quantity (0 removes the line)' })
  @ApiNotFoundResponse({ description: 'SKU_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'PRODUCT_OFF_SHELF, CART_OUT_OF_STOCK, STOCK_INSUFFICIENT (raising only), CART_FULL',
  })
  async put(
    @CurrentUser() principal: Principal,
    @Param('skuId', new IdParamPipe('skuId')) skuId: number,
    @Body() body: CartItemPutDto,
  ): Promise<CartView> {
    return this.cart.put(await this.memberId(principal), skuId, body.quantity, body.selected);
  }

  @Delete('items/:skuId')
  @ApiOkResponse({ description: 'CartView without the line (also when it was not there)' })
  async remove(
    @CurrentUser() principal: Principal,
    @Param('skuId', new IdParamPipe('skuId')) skuId: number,
  ): Promise<CartView> {
    return this.cart.remove(await this.memberId(principal), [skuId]);
  }

  @Post('select')
  @HttpCode(200)
  @ApiOkResponse({ description: 'CartView with the lines ticked or unticked' })
  async select(@CurrentUser() principal: Principal, @Body() body: CartSelectDto): Promise<CartView> {
    return this.cart.select(await this.memberId(principal), body.skuIds, body.selected);
  }

  @Post('merge')
  @HttpCode(200)
  @ApiOkResponse({ description: 'CartMergeResponse; a repeated mergeId changes nothing (alreadyMerged: true)' })
  @ApiConflictResponse({ description: 'CART_MERGE_CONFLICT: the mergeId was used for other items' })
  async merge(@CurrentUser() principal: Principal, @Body() body: CartMergeDto): Promise<CartMergeResponse> {
    return this.cart.merge(await this.memberId(principal), body.mergeId, body.items);
  }

  /** A deleted account's old token no longer reaches its cart. */
  private async memberId(principal: Principal): Promise<number> {
    return (await this.members.requireById(principal.id)).id;
  }
}
