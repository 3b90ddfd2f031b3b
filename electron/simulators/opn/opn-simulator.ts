import { createServer, type ServerResponse, type IncomingMessage } from 'node:http';
import { OPN_METHOD_ID } from '../../../app/providers/opn/opn-method';
import { err, ok, type Result } from '../../../app/util/result';
import { refuseControl } from '../control-gate';
import { createFaultInjector, serveWithFaults, type FaultRule } from '../faults';
import { closeServer, delay, listenOnLoopback, readBody } from '../http-util';
import type { SimulatedProvider } from '../simulated-provider';
import { routeOpnApi, sendProblem, type ApiContext } from './opn-api-routes';
import { DEFAULT_OPN_ACCOUNT, opnAccountSchema, type OpnAccount, type OpnEnabledMethod } from './opn-capability';
import type { OpnCharge } from './opn-charge';
import { routeOpnControl } from './opn-control';
import { createOpnLedger, type OpnSettlement } from './opn-ledger';
import type { OpnQrImageMode } from './opn-qr-image';
import { FAILURE_CODE_PATTERN, type OpnAccountCountry, type OpnSimSourceType, type OpnUnknownFormatType } from './opn-sim-methods';
import { createOpnWebhooks } from './opn-webhooks';
import type { WebhookRecord } from '../webhook-sender';

export { enabledOpnMethods, type OpnAccount, type OpnEnabledMethod } from './opn-capability';
export { OPN_SIM_SOURCE_TYPES, type OpnSimSourceType, type OpnUnknownFormatType } from './opn-sim-methods';

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
  /**
   * The methods the account has enabled, as `GET /capability` lists them (name and currencies); a
   * charge of any other source type, or in another currency, is refused. Default: every QR method the
   * simulator has, in each currency its doc names (`enabledOpnMethods()`).
   */
  readonly enabledMethods?: readonly OpnEnabledMethod[];
  /** The account's country, whose account-level charge limits `GET /capability` reports; SG by default. */
  readonly country?: OpnAccountCountry;
  /** Test only: these methods, whose QR image format no source shows, serve an SVG instead of the default PNG. */
  readonly svgQrImages?: readonly OpnUnknownFormatType[];
  /**
   * Test only, never a default: charges of these source types answer as a redirect flow
   * (`source.flow: 'redirect'`, an `authorize_uri`, no scannable code), to test the client's refusal.
   */
  readonly redirectFlow?: readonly OpnSimSourceType[];
  /**
   * When set, every control request must carry it in the `x-simulator-control` header (see
   * control-gate.ts). Demo mode always sets one; a test's own simulator need not.
   */
  readonly controlToken?: string;
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
  /** What the customer does in the wallet app: pay, fail (with any failure code, known or not), or let it run out. */
  settle(chargeId: string, outcome: OpnSettlement, failureCode?: string): Result<OpnCharge, string>;
  /** Moves the simulator's clock forward, so expiry and the 60-day refund rule can be reached. */
  advanceTime(ms: number): void;
  /** The simulator's clock, including any advance. */
  now(): number;
  setQrImage(mode: OpnQrImageMode): void;
  /** Sets the webhook endpoint, as the merchant does in Opn's dashboard; null for none. */
  setWebhookUrl(url: string | null): void;
  /** The webhooks POSTed so far, once each has been answered or has failed. */
  webhooks(): readonly WebhookRecord[];
  /** Changes what the account has enabled, as the merchant (or Opn) would; later creates and `GET /capability` follow it. */
  setAccount(account: OpnAccount): void;
  account(): OpnAccount;
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

/** The account the options describe, checked as the capability control checks it. */
function accountFrom(options: OpnSimulatorOptions): OpnAccount {
  if (options.enabledMethods === undefined && options.country === undefined) return DEFAULT_OPN_ACCOUNT;
  return opnAccountSchema.parse({ country: options.country, paymentMethods: options.enabledMethods ?? DEFAULT_OPN_ACCOUNT.paymentMethods });
}

/** The simulator's state that the API reads: all but the ledger and the server's own address. */
function apiState(options: OpnSimulatorOptions) {
  return {
    qrPayloads: new Map<string, string>(),
    qrMode: options.qrImage ?? 'qr',
    account: accountFrom(options),
    svgTypes: new Set<OpnSimSourceType>(options.svgQrImages ?? []),
    redirectTypes: new Set<OpnSimSourceType>(options.redirectFlow ?? []),
    extensions: options.extensions ?? false,
  };
}

/**
 * The built-in Opn Payments simulator: Atome QR, PayNow, PromptPay, TrueMoney QR, WeChat Pay MPM and
 * Alipay+ MPM charges over real HTTP on loopback, with Opn's JSON shapes, basic auth, each method's
 * documented rules, expiry, the Expire API, refunds, lists and `GET /capability`, plus demo controls
 * and faults.
 */
export async function startOpnSimulator(options: OpnSimulatorOptions): Promise<OpnSimulator> {
  const baseNow = options.now ?? Date.now;
  let offset = 0;
  const now = () => baseNow() + offset;
  const ledger = createOpnLedger(now);
  const state = apiState(options);
  const { extensions } = state;
  const seen: OpnSeenRequest[] = [];
  const faults = createFaultInjector();
  let baseUrl = '';
  const webhooks = createOpnWebhooks({
    now,
    ...(options.webhookUrl === undefined ? {} : { endpoint: options.webhookUrl }),
    ...(options.allowedWebhookHosts === undefined ? {} : { allowedHosts: options.allowedWebhookHosts }),
  });

  /** Every way a charge settles goes through here, so a completed charge always sends its webhook. */
  const settle = (id: string, outcome: OpnSettlement, failureCode?: string): Result<OpnCharge, string> => {
    const settled = ledger.settle(id, outcome, failureCode);
    if (settled.ok && (settled.value.status === 'successful' || settled.value.status === 'failed')) webhooks.chargeComplete(settled.value);
    return settled;
  };
  const context: ApiContext = {
    ledger, baseUrl: () => baseUrl, now, qrPayloads: state.qrPayloads, qrMode: () => state.qrMode, account: () => state.account,
    svgTypes: state.svgTypes, redirectTypes: state.redirectTypes, extensions,
  };
  const setQrImage = (mode: OpnQrImageMode): void => void (state.qrMode = mode);
  const setAccount = (account: OpnAccount): void => void (state.account = account);
  const advanceTime = (ms: number) => {
    offset += ms;
  };
  const controls = { settle, advanceTime, addFault: (rule: FaultRule) => faults.add(rule), setQrImage, setWebhookUrl: webhooks.setEndpoint, webhookAllowed: webhooks.allows, setAccount };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    await delay(options.latencyMs ?? 0);
    const url = new URL(req.url ?? '/', 'http://simulator');
    const control = url.pathname.startsWith('/__control/');
    // A refused control request is answered before its body is read.
    const refused = control ? refuseControl(req, options.controlToken) : null;
    if (refused !== null) return sendProblem(res, refused, extensions);
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (body === null) return sendProblem(res, { status: 413, code: 'bad_request', message: 'request body too large' }, extensions);
    if (control) return routeOpnControl(req, res, url, body, controls);
    recordRequest(seen, req, url, body);
    return serveWithFaults(faults, req, res, url.pathname, async (out) => {
      if (basicUser(req.headers.authorization) !== options.secretKey) {
        return sendProblem(out, { status: 401, code: 'authentication_failure', message: 'authentication failed' }, extensions);
      }
      return routeOpnApi(req, out, url, body, context);
    });
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => sendProblem(res, { status: 500, code: 'internal_error', message: 'simulator fault' }, extensions));
  });
  baseUrl = await listenOnLoopback(server);

  return {
    method: OPN_METHOD_ID,
    baseUrl,
    apiKey: options.secretKey,
    controlToken: options.controlToken ?? null,
    faults,
    charges: () => ledger.all(),
    qrPayload: (id) => state.qrPayloads.get(id) ?? null,
    requests: () => [...seen],
    settle,
    advanceTime,
    now,
    setQrImage,
    setWebhookUrl: webhooks.setEndpoint,
    webhooks: () => webhooks.records(),
    setAccount,
    account: () => state.account,
    simulate: (providerRef, outcome, failureCode) => {
      if (outcome !== 'paid' && outcome !== 'failed' && outcome !== 'expired') return err(`Opn cannot simulate "${outcome}"`);
      if (failureCode !== undefined && !FAILURE_CODE_PATTERN.test(failureCode)) return err('A failure code is lower-case letters, digits and _');
      const settled = settle(providerRef, outcome, failureCode);
      return settled.ok ? ok(undefined) : err(settled.error);
    },
    close: async () => {
      await webhooks.close();
      await closeServer(server);
    },
  };
}
