import { createPublicKey, type KeyObject, randomBytes, sign } from 'node:crypto';

/**
 * A minimal X.509 v3 certificate writer (DER by hand), so the simulator can issue a platform certificate and a
 * merchant API certificate with Node's crypto alone: Node parses certificates (X509Certificate) but cannot make
 * them. Self-signed, sha256WithRSAEncryption, no extensions: enough for a serial number and a public key.
 */
export interface CertificateSubject {
  commonName: string;
  organization: string;
}

export interface IssuedCertificate {
  pem: string;
  /** Uppercase hex, as WeChat writes serial numbers (and as X509Certificate.serialNumber reads them). */
  serial: string;
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const COUNTRY = '2.5.4.6';

export function selfSignedCertificate(
  privateKey: KeyObject,
  subject: CertificateSubject,
  validity: { from: Date; to: Date },
): IssuedCertificate {
  // 20 bytes, first byte in 0x10..0x7f: positive, no leading zero, always 40 hex digits.
  const serialBytes = randomBytes(20);
  serialBytes[0] = 0x10 + (serialBytes[0] % 0x70);
  const name = der(
    0x30,
    rdn(COUNTRY, printable('CN')),
    rdn(ORGANIZATION, utf8(subject.organization)),
    rdn(COMMON_NAME, utf8(subject.commonName)),
  );
  const algorithm = der(0x30, oid(SHA256_WITH_RSA), Buffer.from([0x05, 0x00]));
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const tbs = der(
    0x30,
    der(0xa0, der(0x02, Buffer.from([0x02]))), // [0] EXPLICIT version v3
    der(0x02, serialBytes),
    algorithm,
    name,
    der(0x30, time(validity.from), time(validity.to)),
    name,
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = der(0x30, tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0x00]), signature])));
  const base64 = certificate.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    serial: serialBytes.toString('hex').toUpperCase(),
  };
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v % 128));
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

const utf8 = (text: string) => der(0x0c, Buffer.from(text, 'utf8'));
const printable = (text: string) => der(0x13, Buffer.from(text, 'ascii'));
const rdn = (type: string, value: Buffer) => der(0x31, der(0x30, oid(type), value));

/** UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  return date.getUTCFullYear() < 2050
    ? der(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : der(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}
