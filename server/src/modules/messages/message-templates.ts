import { Inject, Injectable } from '@nestjs/common';
import { MESSAGE_TEMPLATE_KEYS, MESSAGE_TEMPLATE_NAMES, type MessageTemplateKey } from '@tidepool/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';

/** The deployment's templates (WECHAT_*_TEMPLATE_ID): key ↔ WeChat template id. */
@Injectable()
export class MessageTemplates {
  private readonly ids: Record<MessageTemplateKey, string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ids = { ...config.subscribeTemplates };
  }

  idOf(key: MessageTemplateKey): string {
    return this.ids[key];
  }

  keyOf(templateId: string): MessageTemplateKey | null {
    return MESSAGE_TEMPLATE_KEYS.find((key) => this.ids[key] === templateId) ?? null;
  }

  nameOf(key: string): string {
    return MESSAGE_TEMPLATE_NAMES[key as MessageTemplateKey] ?? key;
  }

  isKey(key: string): key is MessageTemplateKey {
    return (MESSAGE_TEMPLATE_KEYS as readonly string[]).includes(key);
  }
}
