import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchLike, HttpRequest } from '../../app/providers/http';
import { createOrangepillClient, type OrangepillClient, type OrangepillClientOptions } from '../../app/providers/orangepill/orangepill-client';
import type { CreatePaymentRequest } from '../../app/providers/provider';
import type { Money } from '../../app/money/money';
import { platformFetch } from '../../electron/service/providers/platform-fetch';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';

export const ORANGEPILL_KEY = 'AXVubzpwQDU1dzByYM==-test-SECRET';
export const MERCHANT_ALIAS = '@pet_shop_barney';

export interface SentCall {
  readonly url: string;
  readonly request: HttpRequest;
}

export interface OrangepillRig {
  readonly sim: OrangepillSimulator;
  readonly client: OrangepillClient;
  /** Every request the client sent, as it went on the wire. */
  readonly sent: SentCall[];
  /** A client with other options (another key, alias, fetch) against the same simulator. */
  clientWith(patch: Partial<OrangepillClientOptions>): OrangepillClient;
  close(): Promise<void>;
}

/** The real client over real HTTP to the simulator on loopback; only the recorder sits between them. */
export async function startOrangepillRig(
  patch: Partial<OrangepillClientOptions> = {},
  /** Only a test about a behaviour beyond the doc turns the simulator's extensions on. */
  simulator: { readonly extensions?: boolean } = {},
): Promise<OrangepillRig> {
  const sim = await startOrangepillSimulator({ apiKey: ORANGEPILL_KEY, merchantAlias: MERCHANT_ALIAS, ...simulator });
  const sent: SentCall[] = [];
  const real = platformFetch(5000);
  const recording: FetchLike = (url, request) => {
    sent.push({ url, request });
    return real(url, request);
  };
  const clientWith = (more: Partial<OrangepillClientOptions>) =>
    createOrangepillClient({
      baseUrl: sim.baseUrl,
      apiKey: sim.apiKey,
      merchantAlias: MERCHANT_ALIAS,
      store: 'Pet shop Barney',
      merchant: 'Pet shop Ltd.',
      callbackUrl: null,
      tags: [],
      system: 'QR Counter Terminal',
      fetch: recording,
      now: Date.now,
      simulated: true,
      ...patch,
      ...more,
    });
  return { sim, client: clientWith({}), sent, clientWith, close: () => sim.close() };
}

let sequence = 0;

/** A sale as the engine would ask for it, with a fresh reference each time. */
export function sale(amount: Money, patch: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  sequence += 1;
  return {
    reference: `T20250102-030405-${String(sequence).padStart(6, '0')}`,
    amount,
    description: `Pet shop Barney ${amount.currency} sale`,
    expiresAt: Date.now() + 600_000,
    payerAlias: null,
    ...patch,
  };
}

export interface CallbackReceiver {
  readonly url: string;
  readonly bodies: unknown[];
  /** Resolves once `count` callbacks have arrived. */
  received(count: number): Promise<unknown[]>;
  close(): Promise<void>;
}

/** The shop's callback endpoint: a loopback server that keeps every body Orangepill POSTs. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const bodies: unknown[] = [];
  const waiters: { count: number; resolve: (b: unknown[]) => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        bodies.push(null);
      }
      res.writeHead(200).end();
      for (const w of waiters.filter((w) => bodies.length >= w.count)) w.resolve([...bodies]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks/orangepill`,
    bodies,
    received: (count) =>
      bodies.length >= count ? Promise.resolve([...bodies]) : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
