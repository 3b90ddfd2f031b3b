import { X509Certificate, createHash, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** What the POS API's HTTPS server needs, and what the POS pins. */
export interface TlsIdentity {
  /** PKCS#8 PEM; never leaves the terminal's data folder. */
  readonly key: string;
  readonly cert: string;
  /** SHA-256 of the certificate, colon hex upper case (as browsers and `openssl x509 -fingerprint -sha256` show it). */
  readonly fingerprint256: string;
  /** base64 SHA-256 of the public key (SPKI): what `curl --pinnedpubkey sha256//…` takes. */
  readonly spkiPin256: string;
  readonly validTo: Date;
  /** Set when the files were missing (`created`) or unusable and replaced: the POS must pin the new fingerprint. */
  readonly replaced: null | { readonly reason: string };
}

export const TLS_KEY_FILE = 'pos-api-tls-key.pem';
export const TLS_CERT_FILE = 'pos-api-tls-cert.pem';
const VALID_DAYS = 3650;
const DAY_MS = 86_400_000;

/** The files exist but cannot be read at all (permissions, a folder in the way): said, not overwritten. */
export class TlsIdentityError extends Error {
  override readonly name = 'TlsIdentityError';
}

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

function pem(label: string, der: ArrayBuffer): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function commonName(value: string): pkijs.AttributeTypeAndValue {
  return new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value }) });
}

function ipv4Bytes(ip: string): Uint8Array {
  const parts = ip.split('.').map((p) => (/^[0-9]{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) throw new TlsIdentityError(`${JSON.stringify(ip)} is not an IPv4 address for the certificate`);
  return Uint8Array.from(parts);
}

/**
 * A certificate serial from random bytes: positive, as RFC 5280 asks, and never with a leading zero
 * byte. DER wants the shortest INTEGER, and OpenSSL refuses a serial starting 0x00 then 0x00–0x7f as
 * "illegal padding" (it was about 1 certificate in 256 before this).
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  return serial;
}

/** A self-signed ECDSA P-256 certificate for loopback and the given LAN names and addresses. */
export async function createTlsIdentity(now: Date, names: { readonly dns?: readonly string[]; readonly ips?: readonly string[] } = {}): Promise<{ key: string; cert: string }> {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: certificateSerial(randomBytes(16)) });
  cert.issuer.typesAndValues.push(commonName('QR Counter Terminal POS API'));
  cert.subject.typesAndValues.push(commonName('QR Counter Terminal POS API'));
  cert.notBefore.value = new Date(now.getTime() - DAY_MS);
  cert.notAfter.value = new Date(now.getTime() + VALID_DAYS * DAY_MS);
  const altNames = [
    ...['localhost', ...(names.dns ?? [])].map((value) => new pkijs.GeneralName({ type: 2, value })),
    ...['127.0.0.1', ...(names.ips ?? [])].map((ip) => new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: ipv4Bytes(ip) }) })),
  ];
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.17', extnValue: new pkijs.GeneralNames({ names: altNames }).toSchema().toBER(false) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await cert.sign(keys.privateKey, 'SHA-256', engine);
  return { key: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)), cert: pem('CERTIFICATE', cert.toSchema(true).toBER(false)) };
}

/** Reads the pair; null with the reason when it cannot serve (corrupt, mismatched, expired). */
function check(key: string, cert: string, now: Date): { x509: X509Certificate } | { problem: string } {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    return { problem: 'the certificate file is not a certificate' };
  }
  try {
    if (!x509.checkPrivateKey(createPrivateKey(key))) return { problem: 'the key file does not belong to the certificate' };
  } catch {
    return { problem: 'the key file is not a private key' };
  }
  if (new Date(x509.validTo).getTime() <= now.getTime() + DAY_MS) return { problem: `the certificate expired (${x509.validTo})` };
  return { x509 };
}

function readBoth(dir: string): { key: string; cert: string } | null {
  const keyPath = join(dir, TLS_KEY_FILE);
  const certPath = join(dir, TLS_CERT_FILE);
  if (!existsSync(keyPath) && !existsSync(certPath)) return null;
  try {
    return { key: existsSync(keyPath) ? readFileSync(keyPath, 'utf8') : '', cert: existsSync(certPath) ? readFileSync(certPath, 'utf8') : '' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TlsIdentityError(`Cannot read the POS API's TLS files in ${dir} (${reason}): let the terminal read them, or move them aside for a new certificate (the POS must then pin its new fingerprint).`);
  }
}

/** Writes each file beside its final name first, 0600, so a crash never leaves half a key. */
function writeBoth(dir: string, pair: { key: string; cert: string }, setAside: string | null): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [name, text] of [[TLS_KEY_FILE, pair.key], [TLS_CERT_FILE, pair.cert]] as const) {
    const path = join(dir, name);
    if (setAside !== null && existsSync(path)) renameSync(path, `${path}.${setAside}`);
    writeFileSync(`${path}.new`, text, { mode: 0o600 });
    chmodSync(`${path}.new`, 0o600);
    renameSync(`${path}.new`, path);
  }
}

function identity(pair: { key: string; cert: string }, x509: X509Certificate, replaced: TlsIdentity['replaced']): TlsIdentity {
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return { ...pair, fingerprint256: x509.fingerprint256, spkiPin256: createHash('sha256').update(spki).digest('base64'), validTo: new Date(x509.validTo), replaced };
}

/**
 * The terminal's own certificate, kept in `dir` and reused across restarts so the POS's pin holds.
 * Missing files are created; a corrupt, mismatched or expiring pair is set aside (`.broken-<time>`)
 * and replaced, with the reason in `replaced`; files that cannot be read at all throw TlsIdentityError.
 */
export async function loadOrCreateTlsIdentity(dir: string, options: { readonly now?: () => Date; readonly dns?: readonly string[]; readonly ips?: readonly string[] } = {}): Promise<TlsIdentity> {
  const now = (options.now ?? (() => new Date()))();
  const existing = readBoth(dir);
  if (existing !== null) {
    const checked = check(existing.key, existing.cert, now);
    if ('x509' in checked) {
      for (const name of [TLS_KEY_FILE, TLS_CERT_FILE]) chmodSync(join(dir, name), 0o600);
      return identity(existing, checked.x509, null);
    }
    return replace(dir, now, options, `${checked.problem}; a new certificate was made`);
  }
  return replace(dir, now, options, 'created');
}

/** A new key and certificate, the old pair set aside: the regenerate command. The POS must pin again. */
export function regenerateTlsIdentity(dir: string, options: { readonly now?: () => Date; readonly dns?: readonly string[]; readonly ips?: readonly string[] } = {}): Promise<TlsIdentity> {
  return replace(dir, (options.now ?? (() => new Date()))(), options, 'regenerated on request');
}

async function replace(dir: string, now: Date, names: { readonly dns?: readonly string[]; readonly ips?: readonly string[] }, reason: string): Promise<TlsIdentity> {
  const pair = await createTlsIdentity(now, names);
  writeBoth(dir, pair, reason === 'created' ? null : `${reason.startsWith('regenerated') ? 'old' : 'broken'}-${now.getTime()}`);
  return identity(pair, new X509Certificate(pair.cert), { reason });
}
