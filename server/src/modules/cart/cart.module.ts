import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog';
import { MembersModule } from '../members';
import { CartItem } from './cart-item.entity';
import { CartMerge } from './cart-merge.entity';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';

/** The member's server-side cart (a guest's cart stays on the phone until login merges it here). */
@Module({
  imports: [TypeOrmModule.forFeature([CartItem, CartMerge]), CatalogModule, MembersModule],
  controllers: [CartController],
  providers: [CartService],
  exports: [CartService],
})
export class CartModule {}
