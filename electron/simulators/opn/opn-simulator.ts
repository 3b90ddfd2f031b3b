import { createServer, type ServerResponse, type IncomingMessage } from 'node:http';
import { isOpnFailureCode, type OpnFailureCode } from '../../../app/providers/opn/opn-api';
import { OPN_METHOD_ID } from '../../../app/providers/opn/opn-method';
import { err, ok, type Result } from '../../../app/util/result';
import { createFaultInjector, serveWithFaults } from '../faults';
import { closeServer, delay, listenOnLoopback, readBody } from '../http-util';
import type { SimulatedProvider } from '../simulated-provider';
import { routeOpnApi, sendProblem } from './opn-api-routes';
import type { OpnCharge } from './opn-charge';
import { routeOpnControl } from './opn-control';
import { createOpnLedger, type OpnSettlement } from './opn-ledger';
import type { OpnQrImageMode } from './opn-qr-image';
import { createOpnWebhooks } from './opn-webhooks';
import type { WebhookRecord } from '../webhook-sender';

/** How many of the latest requests the simulator's log keeps (tests read the recent ones). */
const SEEN_KEPT = 10_000;
export interface OpnSimulatorOptions {
  /** The secret key it accepts as the basic-auth user name, as Opn does. */
  readonly secretKey: string;
  readonly latencyMs?: number;
  readonly now?: () => number;
  readonly qrImage?: OpnQrImageMode;
  /** The webhook endpoint set in the (simulated) dashboard; none by default. */
  readonly webhookUrl?: string | null;
  /** Hosts a webhook may be POSTed to; loopback only unless a test says otherwise. */
  readonly allowedWebhookHosts?: readonly string[];
  /**
   * Off by default: answers then carry only the fields the doc shows (see opn-doc-fields.ts). On, errors
   * add Opn's `location` link and refunds their full set of fields. Only a test about them turns it on.
   */
  readonly extensions?: boolean;
}

/** A request as the simulator received it, so tests can check what the client really sent. */
export interface OpnSeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | null;
  readonly omiseVersion: string | null;
  readonly contentType: string | null;
  /** The form fields of a form-encoded body; null when there was none. */
  readonly form: Readonly<Record<string, string>> | null;
}

export interface OpnSimulator extends SimulatedProvider {
  /** Its own record of charges, shaped as Opn's charge JSON. */
  charges(): readonly OpnCharge[];
  /** The text in a charge's QR image, kept beside the charge (Opn's JSON has no such field). */
  qrPayload(chargeId: string): string | null;
  requests(): readonly OpnSeenRequest[];
  /** What the customer does in the Atome app: pay, fail, or let it run out. */
  settle(chargeId: string, outcome: OpnSettlement, failureCode?: OpnFailureCode): Result<OpnCharge, string>;
  /** Moves the simulator's clock forward, so expiry and the 60-day refund rule can be reached. */
  advanceTime(ms: number): void;
  /** The simulator's clock, including any advance. */
  now(): number;
  setQrImage(mode: OpnQrImageMode): void;
  /** Sets the webhook endpoint, as the merchant does in Opn's dashboard; null for none. */
  setWebhookUrl(url: string | null): void;
  /** The webhooks POSTed so far, once each has been answered or has failed. */
  webhooks(): readonly WebhookRecord[];
}

function basicUser(header: string | undefined): string | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (match === null) return null;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(0, colon);
}

/** Logs a request to the API as it arrived, form fields decoded, for the tests to read back. */
function recordRequest(seen: OpnSeenRequest[], req: IncomingMessage, url: URL, body: string): void {
  const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : null;
  seen.push({
    method: req.method ?? '',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    authorization: req.headers.authorization ?? null,
    omiseVersion: typeof req.headers['omise-version'] === 'string' ? req.headers['omise-version'] : null,
    contentType: req.headers['content-type'] ?? null,
    form,
  });
  // A demo terminal polls its simulator every second for days: keep the log to the recent past.
  if (seen.length > 2 * SEEN_KEPT) seen.splice(0, seen.length - SEEN_KEPT);
}

/**
 * The built-in Opn Payments simulator: Atome QR charges over real HTTP on loopback, with Opn's JSON
 * shapes, basic auth, limits, expiry, the Expire API, refunds and lists, plus demo controls and faults.
 */
export async function startOpnSimulator(options: OpnSimulatorOptions): Promise<OpnSimulator> {
  const baseNow = options.now ?? Date.now;
  const extensions = options.extensions ?? false;
  let offset = 0;
  const now = () => baseNow() + offset;
  const ledger = createOpnLedger(now);
  const qrPayloads = new Map<string, string>();
  const seen: OpnSeenRequest[] = [];
  const faults = createFaultInjector();
  let qrMode: OpnQrImageMode = options.qrImage ?? 'qr';
  let baseUrl = '';
  const webhooks = createOpnWebhooks({
    now,
    ...(options.webhookUrl === undefined ? {} : { endpoint: options.webhookUrl }),
    ...(options.allowedWebhookHosts === undefined ? {} : { allowedHosts: options.allowedWebhookHosts }),
  });

  /** Every way a charge settles goes through here, so a completed charge always sends its webhook. */
  const settleCharge = (id: string, outcome: OpnSettlement, failureCode?: OpnFailureCode): Result<OpnCharge, string> => {
    const settled = ledger.settle(id, outcome, failureCode);
    if (settled.ok && (settled.value.status === 'successful' || settled.value.status === 'failed')) webhooks.chargeComplete(settled.value);
    return settled;
  };

  const settle = (id: string, outcome: OpnSettlement, failureCode?: string) => {
    if (failureCode !== undefined && !isOpnFailureCode(failureCode)) return err(`Opn has no failure code ${failureCode}`);
    return settleCharge(id, outcome, failureCode);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> => {
    if (basicUser(req.headers.authorization) !== options.secretKey) {
      return sendProblem(res, { status: 401, code: 'authentication_failure', message: 'authentication failed' }, extensions);
    }
    return routeOpnApi(req, res, url, body, { ledger, baseUrl: () => baseUrl, now, qrPayloads, qrMode: () => qrMode, extensions });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    await delay(options.latencyMs ?? 0);
    const url = new URL(req.url ?? '/', 'http://simulator');
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (body === null) return sendProblem(res, { status: 413, code: 'bad_request', message: 'request body too large' }, extensions);
    if (url.pathname.startsWith('/__control/')) {
      return routeOpnControl(req, res, url, body, { settle, advanceTime, addFault: (rule) => faults.add(rule), setQrImage, setWebhookUrl: webhooks.setEndpoint });
    }
    recordRequest(seen, req, url, body);
    return serveWithFaults(faults, req, res, url.pathname, (out) => api(req, out, url, body));
  };

  const advanceTime = (ms: number) => {
    offset += ms;
  };
  const setQrImage = (mode: OpnQrImageMode) => {
    qrMode = mode;
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => sendProblem(res, { status: 500, code: 'internal_error', message: 'simulator fault' }, extensions));
  });
  baseUrl = await listenOnLoopback(server);

  return {
    method: OPN_METHOD_ID,
    baseUrl,
    apiKey: options.secretKey,
    faults,
    charges: () => ledger.all(),
    qrPayload: (id) => qrPayloads.get(id) ?? null,
    requests: () => [...seen],
    settle: settleCharge,
    advanceTime,
    now,
    setQrImage,
    setWebhookUrl: webhooks.setEndpoint,
    webhooks: () => webhooks.records(),
    simulate: (providerRef, outcome, failureCode) => {
      if (outcome !== 'paid' && outcome !== 'failed' && outcome !== 'expired') return err(`Atome cannot simulate "${outcome}"`);
      const settled = settle(providerRef, outcome, failureCode);
      return settled.ok ? ok(undefined) : err(settled.error);
    },
    close: async () => {
      await webhooks.close();
      await closeServer(server);
    },
  };
}
