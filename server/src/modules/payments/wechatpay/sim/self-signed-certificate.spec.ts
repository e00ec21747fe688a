import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './self-signed-certificate';

describe('selfSignedCertificate', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('writes a certificate Node (OpenSSL) parses, with our serial, subject, validity and key', () => {
    const issued = selfSignedCertificate(
      privateKey,
      { commonName: 'Tenpay.com 平台证书', organization: 'Tenpay.com' },
      { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2060-01-01T00:00:00Z') },
    );
    const cert = new X509Certificate(issued.pem);
    expect(cert.serialNumber).toBe(issued.serial);
    expect(issued.serial).toMatch(/^[1-7][0-9A-F]{39}$/);
    expect(cert.subject).toContain('CN=Tenpay.com 平台证书');
    expect(cert.issuer).toBe(cert.subject);
    expect(new Date(cert.validFrom).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2060-01-01T00:00:00.000Z');
    expect(cert.publicKey.equals(publicKey)).toBe(true);
    expect(cert.verify(publicKey)).toBe(true);
  });

  it('gives each certificate its own serial', () => {
    const validity = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };
    const subject = { commonName: 'x', organization: 'y' };
    const a = selfSignedCertificate(privateKey, subject, validity);
    const b = selfSignedCertificate(privateKey, subject, validity);
    expect(a.serial).not.toBe(b.serial);
  });
});
