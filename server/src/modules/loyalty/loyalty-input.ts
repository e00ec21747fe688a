import { DomainException } from '../../common/errors/domain.exception';
import type { LedgerSource } from './loyalty.types';

/**
 * Checks for what the loyalty services are called with. Callers are other modules (orders, POS, the points
 * mall), whose HTTP DTOs validate user input first; these guard the ledger against a caller's bug.
 */
const SOURCE_TYPE = /^[a-z][a-z0-9_]{0,31}$/;
const MAX_SOURCE_ID = 64;
const MAX_REASON = 255;

export interface NormalisedSource {
  sourceType: string;
  sourceId: string;
}

function invalid(field: string, reason: string): DomainException {
  return new DomainException('VALIDATION_FAILED', `${field} ${reason}`, [{ field, reason }]);
}

export function normaliseSource(source: LedgerSource, field = 'source'): NormalisedSource {
  if (typeof source.sourceType !== 'string' || !SOURCE_TYPE.test(source.sourceType)) {
    throw invalid(`${field}Type`, 'must be lower-case letters, digits or _ (up to 32)');
  }
  const sourceId = String(source.sourceId);
  if (sourceId.length === 0 || sourceId.length > MAX_SOURCE_ID || /[\s\p{C}]/u.test(sourceId)) {
    throw invalid(`${field}Id`, `must be 1-${MAX_SOURCE_ID} visible characters`);
  }
  return { sourceType: source.sourceType, sourceId };
}

/** `sourceType:sourceId:kind`; unambiguous because the type has no colon and the kind is a fixed word. */
export function idempotencyKey(source: NormalisedSource, kind: string): string {
  return `${source.sourceType}:${source.sourceId}:${kind}`;
}

export function requireMemberId(memberId: number): number {
  if (!Number.isSafeInteger(memberId) || memberId <= 0) throw invalid('memberId', 'must be a positive integer');
  return memberId;
}

export function requirePositive(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw invalid(field, 'must be a positive integer');
  return value;
}

export function requireNonZero(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value === 0) throw invalid(field, 'must be a non-zero integer');
  return value;
}

export function requireReason(reason: string): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length === 0 || text.length > MAX_REASON) throw invalid('reason', `must be 1-${MAX_REASON} characters`);
  return text;
}

export function requireInstant(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw invalid(field, 'must be a valid time');
  return value;
}
