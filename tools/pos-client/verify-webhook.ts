import { createHmac, timingSafeEqual } from 'node:crypto';

export interface VerifyOptions {
  /** How far the timestamp may be from `now`, either way. Default 300 s. */
  readonly toleranceSeconds?: number;
  /** Unix seconds; default the system clock. */
  readonly now?: number;
  /**
   * Deliveries already accepted, to refuse the same one sent again. Default: one guard shared by
   * every call in this process; `false` turns the check off (when you dedupe yourself, durably).
   */
  readonly replay?: ReplayGuard | false;
}

export type VerifyResult =
  | { readonly ok: true; readonly id: string; readonly timestamp: number; readonly event: unknown }
  | { readonly ok: false; readonly reason: 'missing_header' | 'bad_signature' | 'stale_timestamp' | 'replayed' | 'bad_body'; readonly message: string };

/**
 * Remembers accepted deliveries (id and timestamp) for the tolerance window: a retry of the same event
 * carries a new timestamp and signature and is accepted (dedupe by event id yourself), a copy is not.
 */
export interface ReplayGuard {
  seen(key: string, timestamp: number, now: number): boolean;
}

export function createReplayGuard(toleranceSeconds = 300, maxEntries = 100_000): ReplayGuard {
  const accepted = new Map<string, number>();
  return {
    seen(key, timestamp, now) {
      for (const [k, t] of accepted) {
        if (t >= now - toleranceSeconds && accepted.size < maxEntries) break;
        accepted.delete(k);
      }
      if (accepted.has(key)) return true;
      accepted.set(key, timestamp);
      return false;
    },
  };
}

const sharedGuard = createReplayGuard();

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** The signature the terminal sends: hex HMAC-SHA256 of `<timestamp>.<raw body>` with the endpoint's secret. */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Checks a webhook from the terminal before trusting its body: signature (constant time, over the raw
 * bytes as received), timestamp within tolerance, not a replay. Never throws on hostile input.
 */
export function verifyWebhook(headers: Record<string, string | string[] | undefined>, rawBody: string | Buffer, secret: string, options: VerifyOptions = {}): VerifyResult {
  const tolerance = options.toleranceSeconds ?? 300;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const id = header(headers, 'Pos-Webhook-Id');
  const stamp = header(headers, 'Pos-Webhook-Timestamp');
  const signature = header(headers, 'Pos-Webhook-Signature');
  if (id === undefined || stamp === undefined || signature === undefined) {
    return { ok: false, reason: 'missing_header', message: 'Pos-Webhook-Id, Pos-Webhook-Timestamp and Pos-Webhook-Signature are all required.' };
  }
  const timestamp = /^[0-9]{1,12}$/.test(stamp) ? Number(stamp) : Number.NaN;
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > tolerance) {
    return { ok: false, reason: 'stale_timestamp', message: `The webhook's timestamp is not within ${tolerance} s of now.` };
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody), 'hex');
  const offered = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  const matches = offered.some((hex) => /^[0-9a-f]{64}$/.test(hex) && timingSafeEqual(Buffer.from(hex, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'bad_signature', message: 'The webhook signature does not match: not from the terminal, or the body was changed.' };
  const replay = options.replay ?? sharedGuard;
  if (replay !== false && replay.seen(`${id}.${timestamp}`, timestamp, now)) {
    return { ok: false, reason: 'replayed', message: 'This webhook delivery was already accepted once.' };
  }
  try {
    return { ok: true, id, timestamp, event: JSON.parse(Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody) as unknown };
  } catch {
    return { ok: false, reason: 'bad_body', message: 'The webhook body is not JSON.' };
  }
}
