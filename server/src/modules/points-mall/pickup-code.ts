import { randomInt } from 'node:crypto';
import { PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTH } from '@tidepool/shared';

/**
 * A fresh pickup code: 10 symbols drawn uniformly from 32 by the CSPRNG (50 bits), so holding one code says
 * nothing about any other and guessing a live one is hopeless. Uniqueness is the database's (unique index).
 */
export function newPickupCode(): string {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)];
  return code;
}
