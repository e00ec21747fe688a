import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StorefrontSettingsView } from '@tidepool/shared';
import { Public } from '../../common/auth/public.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { StorefrontSettingsUpdateDto } from './dto/storefront-settings.requests';
import { StorefrontService } from './storefront.service';

@ApiTags('storefront')
@Controller('storefront')
export class StorefrontController {
  constructor(private readonly storefront: StorefrontService) {}

  @Public()
  @Get('settings')
  @ApiOperation({ summary: 'Hot search keywords and the customer-service contact the storefront shows' })
  @ApiOkResponse({ description: 'StorefrontSettingsView' })
  settings(): Promise<StorefrontSettingsView> {
    return this.storefront.view();
  }
}

@ApiTags('admin')
@Roles('operator')
@Controller('admin/storefront')
export class StorefrontAdminController {
  constructor(private readonly storefront: StorefrontService) {}

  @Get('settings')
  @ApiOperation({ summary: 'Read the storefront settings (hot keywords, customer service)' })
  @ApiOkResponse({ description: 'StorefrontSettingsView' })
  settings(): Promise<StorefrontSettingsView> {
    return this.storefront.view();
  }

  @Put('settings')
  @ApiOperation({
    summary:
      'Set the hot search keywords (max 10, 1-16 characters, distinct) and/or the customer-service phone and hours',
  })
  @ApiOkResponse({ description: 'StorefrontSettingsView after the change' })
  update(@Body() body: StorefrontSettingsUpdateDto): Promise<StorefrontSettingsView> {
    return this.storefront.update(body);
  }
}
