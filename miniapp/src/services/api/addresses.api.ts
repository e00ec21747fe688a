import type { AddressInput, AddressView } from '@tidepool/shared';
import { memberRequest } from '../session';

export function listAddresses(): Promise<AddressView[]> {
  return memberRequest<AddressView[]>('/api/addresses');
}

export function getAddress(id: number): Promise<AddressView> {
  return memberRequest<AddressView>(`/api/addresses/${id}`);
}

export function createAddress(input: AddressInput): Promise<AddressView> {
  return memberRequest<AddressView>('/api/addresses', { method: 'POST', body: { ...input } });
}

export function updateAddress(id: number, input: AddressInput): Promise<AddressView> {
  return memberRequest<AddressView>(`/api/addresses/${id}`, { method: 'PUT', body: { ...input } });
}

export function setDefaultAddress(id: number): Promise<AddressView> {
  return memberRequest<AddressView>(`/api/addresses/${id}/default`, { method: 'POST' });
}

export function deleteAddress(id: number): Promise<void> {
  return memberRequest<void>(`/api/addresses/${id}`, { method: 'DELETE' });
}
