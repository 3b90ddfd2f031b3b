import { isIP } from 'node:net';

/** A webhook target accepted, or the sentence saying why not. */
export type WebhookUrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly message: string };

const MAX_URL_LENGTH = 2048;
/** Cloud metadata services by name: a webhook must never make the terminal fetch credentials. */
const FORBIDDEN_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

function ipv4Octets(ip: string): number[] | null {
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255) ? parts.map(Number) : null;
}

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 one (::ffff:169.254.169.254), if any. */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1] !== undefined) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] === undefined || hex[2] === undefined) return null;
  const [a, b] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
}

export function isLoopback(ip: string): boolean {
  const v4 = ipv4Octets(ip) ?? ipv4Octets(embeddedIpv4(ip) ?? '');
  return v4 !== null ? v4[0] === 127 : ip === '::1';
}

/**
 * Why the terminal must not send to this address, or null when it may. Loopback and the private LAN
 * are allowed (the till lives there); link-local (cloud metadata at 169.254.169.254), unspecified,
 * multicast, broadcast and reserved ranges are not.
 */
export function forbiddenAddress(ip: string): string | null {
  const v4 = ipv4Octets(ip) ?? ipv4Octets(embeddedIpv4(ip) ?? '');
  if (v4 !== null) {
    const [a = 0, b = 0] = v4;
    if (a === 169 && b === 254) return 'a link-local address (where cloud metadata services live)';
    if (a === 0) return 'an unspecified address';
    if (a >= 224) return 'a multicast, broadcast or reserved address';
    if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address';
    return null;
  }
  const lower = ip.toLowerCase();
  if (lower === '::') return 'an unspecified address';
  if (/^fe[89ab]/.test(lower)) return 'a link-local address (where cloud metadata services live)';
  if (lower.startsWith('ff')) return 'a multicast address';
  if (lower.startsWith('fd00:ec2:')) return 'a cloud metadata address';
  return null;
}

/**
 * Checks a URL a POS registers: https anywhere allowed, http only to this machine (loopback), no
 * credentials in it, and no address the terminal must never call. A hostname is checked again on
 * every delivery, after DNS (see guardedLookup), so a name cannot later point somewhere forbidden.
 */
export function checkWebhookUrl(raw: string): WebhookUrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, message: `A webhook URL is at most ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'The webhook URL is not a URL (for example https://till.example/pos-events).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `A webhook URL must start with https:// (got ${url.protocol}).` };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'A webhook URL must not carry a user name or password: the signature proves who sends.' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (FORBIDDEN_NAMES.has(host.toLowerCase())) return { ok: false, message: `The terminal does not send webhooks to ${host}: it is a cloud metadata service.` };
  if (isIP(host) !== 0) {
    const reason = forbiddenAddress(host);
    if (reason !== null) return { ok: false, message: `The terminal does not send webhooks to ${host}: it is ${reason}.` };
  }
  const loopback = host.toLowerCase() === 'localhost' || (isIP(host) !== 0 && isLoopback(host));
  if (url.protocol === 'http:' && !loopback) {
    return { ok: false, message: 'A webhook URL must use https:// unless it is on this machine (http://127.0.0.1 or http://localhost): events carry sale details.' };
  }
  url.hash = '';
  return { ok: true, url };
}
