import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomInt,
  X509Certificate,
} from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { selfSignedCertificate } from './self-signed-certificate';

/**
 * The simulator's key material, made on first start under DATA_DIR/wechatpay-sim/ and reused afterwards:
 * the merchant's API key and certificate (our side), WeChat's platform key and certificate, the WeChat Pay
 * public key pair with its `PUB_KEY_ID_…`, and an APIv3 key. The file names follow what WeChat hands a merchant,
 * so the same files configure the real `http` gateway against the simulator (see README.txt in the folder).
 */
export interface SimulatorKeys {
  merchantPrivateKeyPem: string;
  merchantCertificatePem: string;
  merchantSerial: string;
  merchantPublicKey: KeyObject;
  platformCertificatePem: string;
  platformSerial: string;
  platformPrivateKey: KeyObject;
  publicKeyPem: string;
  publicKeyId: string;
  publicKeyPrivateKey: KeyObject;
  apiV3Key: string;
}

export const SIM_KEY_FILES = {
  merchantKey: 'apiclient_key.pem',
  merchantCert: 'apiclient_cert.pem',
  platformCert: 'wechatpay_platform_cert.pem',
  platformKey: 'wechatpay_platform_key.simulator-only.pem',
  publicKey: 'pub_key.pem',
  publicKeyPrivate: 'pub_key_private.simulator-only.pem',
  publicKeyId: 'pub_key_id.txt',
  apiV3Key: 'apiv3_key.txt',
} as const;

const generateRsa = promisify(generateKeyPair);
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Wide validity so a test clock anywhere in 2000–2049 sees the certificates as current.
const VALIDITY = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2049-12-31T23:59:59Z') };

export function simulatorKeyDir(dataDir: string): string {
  return path.join(dataDir, 'wechatpay-sim');
}

/** Loads the keys, generating them first if the folder does not exist yet (safe when two processes race). */
export async function loadOrCreateSimulatorKeys(dataDir: string): Promise<SimulatorKeys> {
  const dir = simulatorKeyDir(dataDir);
  if (!fs.existsSync(dir)) await createKeyDir(dir);
  return readKeyDir(dir);
}

async function createKeyDir(dir: string): Promise<void> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.staging-`);
  try {
    const [merchant, platform, publicKey] = await Promise.all([
      generateRsa('rsa', { modulusLength: 2048 }),
      generateRsa('rsa', { modulusLength: 2048 }),
      generateRsa('rsa', { modulusLength: 2048 }),
    ]);
    const merchantCert = selfSignedCertificate(
      merchant.privateKey,
      { commonName: 'Tidepool 模拟商户 API 证书', organization: 'Tidepool (simulated merchant)' },
      VALIDITY,
    );
    const platformCert = selfSignedCertificate(
      platform.privateKey,
      { commonName: 'Tenpay.com 模拟平台证书', organization: 'Tenpay.com (simulated)' },
      VALIDITY,
    );
    let apiV3Key = '';
    for (let i = 0; i < 32; i++) apiV3Key += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
    let id = '';
    for (let i = 0; i < 32; i++) id += String(randomInt(10));
    const pem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string;
    const write = (name: string, content: string) =>
      fs.writeFileSync(path.join(staging, name), content, { mode: 0o600 });
    write(SIM_KEY_FILES.merchantKey, pem(merchant.privateKey));
    write(SIM_KEY_FILES.merchantCert, merchantCert.pem);
    write(SIM_KEY_FILES.platformCert, platformCert.pem);
    write(SIM_KEY_FILES.platformKey, pem(platform.privateKey));
    write(SIM_KEY_FILES.publicKey, publicKey.publicKey.export({ type: 'spki', format: 'pem' }) as string);
    write(SIM_KEY_FILES.publicKeyPrivate, pem(publicKey.privateKey));
    write(SIM_KEY_FILES.publicKeyId, `PUB_KEY_ID_${id}\n`);
    write(SIM_KEY_FILES.apiV3Key, `${apiV3Key}\n`);
    write('README.txt', readme(merchantCert.serial));
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another process made the folder first: keep theirs.
      if (!fs.existsSync(dir)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function readKeyDir(dir: string): SimulatorKeys {
  const read = (name: string) => {
    try {
      return fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      throw new Error(`WeChat Pay simulator: ${path.join(dir, name)} is missing; delete ${dir} to make new keys`);
    }
  };
  const merchantPrivateKeyPem = read(SIM_KEY_FILES.merchantKey);
  const merchantCertificatePem = read(SIM_KEY_FILES.merchantCert);
  const platformCertificatePem = read(SIM_KEY_FILES.platformCert);
  const merchantCert = new X509Certificate(merchantCertificatePem);
  const platformCert = new X509Certificate(platformCertificatePem);
  const publicKeyPem = read(SIM_KEY_FILES.publicKey);
  return {
    merchantPrivateKeyPem,
    merchantCertificatePem,
    merchantSerial: merchantCert.serialNumber,
    merchantPublicKey: merchantCert.publicKey,
    platformCertificatePem,
    platformSerial: platformCert.serialNumber,
    platformPrivateKey: createPrivateKey(read(SIM_KEY_FILES.platformKey)),
    publicKeyPem,
    publicKeyId: read(SIM_KEY_FILES.publicKeyId).trim(),
    publicKeyPrivateKey: createPrivateKey(read(SIM_KEY_FILES.publicKeyPrivate)),
    apiV3Key: read(SIM_KEY_FILES.apiV3Key).trim(),
  };
}

/** Checks that a loaded public key matches its private half (a hand-edited folder fails loudly). */
export function assertKeyPairs(keys: SimulatorKeys): void {
  const same = (a: KeyObject, b: KeyObject) => a.equals(b);
  if (!same(createPublicKey(keys.publicKeyPrivateKey), createPublicKey(keys.publicKeyPem))) {
    throw new Error('WeChat Pay simulator: pub_key.pem does not match its private key; delete the folder');
  }
  if (!same(createPublicKey(createPrivateKey(keys.merchantPrivateKeyPem)), keys.merchantPublicKey)) {
    throw new Error('WeChat Pay simulator: apiclient_key.pem does not match apiclient_cert.pem; delete the folder');
  }
}

function readme(merchantSerial: string): string {
  return `WeChat Pay simulator keys (development only; never use them for real payments).

Made by the Tidepool server on its first start with WECHATPAY_GATEWAY=sim; delete this folder to make new ones.
The same files configure the real HTTP client against the simulator's routes (/api/dev/wechatpay):

  WECHATPAY_GATEWAY=http
  WECHATPAY_API_BASE=http://127.0.0.1:3000/api/dev/wechatpay
  WECHATPAY_MCHID=<the simulator's WECHATPAY_MCHID, 1900000109 by default>
  WECHATPAY_APPID=<the simulator's appid>
  WECHATPAY_MERCHANT_SERIAL=${merchantSerial}
  WECHATPAY_MERCHANT_PRIVATE_KEY=<this folder>/${SIM_KEY_FILES.merchantKey}
  WECHATPAY_APIV3_KEY=<the content of ${SIM_KEY_FILES.apiV3Key}>
  WECHATPAY_PLATFORM_CERT=<this folder>/${SIM_KEY_FILES.platformCert}
  WECHATPAY_PUBLIC_KEY=<this folder>/${SIM_KEY_FILES.publicKey}
  WECHATPAY_PUBLIC_KEY_ID=<the content of ${SIM_KEY_FILES.publicKeyId}>

Files ending in .simulator-only.pem are WeChat's private halves: only the simulator reads them.
`;
}
