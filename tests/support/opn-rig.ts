/** The real Opn client against the Opn simulator on loopback: the rig the opn-* contract tests share. */
import { afterEach, beforeEach } from 'vitest';
import type { FetchLike } from '../../app/providers/http';
import { createOpnClient, type OpnClient } from '../../app/providers/opn/opn-client';
import type { CreatePaymentRequest, ProviderError, ProviderStatus } from '../../app/providers/provider';
import type { Result } from '../../app/util/result';
import { platformFetch } from '../../electron/service/providers/platform-fetch';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { startOpnSimulator, type OpnSimulator, type OpnSimulatorOptions } from '../../electron/simulators/opn/opn-simulator';

export const SECRET = 'skey_test_61qrcountersecret9z';
export const OMISE_VERSION = '2019-05-29';
export const BASIC = `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`;

/** Every cashier-facing message the clients produced in this test file, for the secret-hygiene check. */
export const messages: string[] = [];

export interface ClientOptions {
  readonly secretKey?: string;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
}

/** Wraps a client so every error it returns (and every amount refusal) is kept in `messages`. */
function recording(client: OpnClient): OpnClient {
  const keep = async <T>(result: Promise<Result<T, ProviderError>>): Promise<Result<T, ProviderError>> => {
    const r = await result;
    if (!r.ok) messages.push(r.error.message);
    return r;
  };
  return {
    method: client.method,
    checkAmount: (amount) => {
      const r = client.checkAmount(amount);
      if (!r.ok) messages.push(r.error.message);
      return r;
    },
    create: (req) => keep(client.create(req)),
    status: (ref) => keep(client.status(ref)),
    cancel: (ref) => keep(client.cancel(ref)),
    findByReference: (ref) => keep(client.findByReference(ref)),
    listCharges: (q) => keep(client.listCharges(q)),
    capability: () => keep(client.capability()),
    refund: (ref, amount, paidAt) => keep(client.refund?.(ref, amount, paidAt) ?? Promise.reject(new Error('no refund'))),
  };
}

export function clientFor(sim: OpnSimulator, options: ClientOptions = {}): OpnClient {
  return recording(
    createOpnClient({
      baseUrl: sim.baseUrl,
      secretKey: options.secretKey ?? SECRET,
      omiseVersion: OMISE_VERSION,
      fetch: options.fetch ?? platformFetch(5000),
      // The simulator's clock, so advancing it moves the client's "now" too.
      now: options.now ?? (() => sim.now()),
      decodeQrImage,
      simulated: true,
    }),
  );
}

export interface OpnRig {
  readonly sim: OpnSimulator;
  readonly client: OpnClient;
}

/** A fresh simulator and client for each test, closed after it. */
export function useOpnRig(options: Partial<OpnSimulatorOptions> = {}): () => OpnRig {
  let rig: OpnRig | null = null;
  beforeEach(async () => {
    const sim = await startOpnSimulator({ secretKey: SECRET, ...options });
    rig = { sim, client: clientFor(sim) };
  });
  afterEach(async () => {
    await rig?.sim.close();
    rig = null;
  });
  return () => {
    if (rig === null) throw new Error('the Opn rig runs only inside a test');
    return rig;
  };
}

let references = 0;

/** A create request for `minor` subunits, expiring `lifetimeMs` after `now`. */
export function saleRequest(now: number, minor = 1234, currency: 'SGD' | 'MYR' = 'SGD', lifetimeMs = 600_000): CreatePaymentRequest {
  references += 1;
  return {
    reference: `T-${now}-${references}`,
    amount: { minor, currency },
    description: `Test Shop ${currency} ${(minor / 100).toFixed(2)}`,
    expiresAt: now + lifetimeMs,
    payerAlias: null,
  };
}

export function value<T>(result: Result<T, ProviderError>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** A status without the amount it is for, which the tests of that amount check on their own. */
export function kindOnly(status: ProviderStatus): ProviderStatus {
  const { requested: _requested, ...rest } = status;
  return rest;
}

export function statusOnly(result: Result<ProviderStatus, ProviderError>): ProviderStatus {
  return kindOnly(value(result));
}

export function failure<T>(result: Result<T, ProviderError>): ProviderError {
  if (result.ok) throw new Error(`expected a provider error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A paid charge on the simulator, created through the client. */
export async function paidCharge(rig: OpnRig, minor = 1234): Promise<{ id: string; paidAt: number }> {
  const created = value(await rig.client.create(saleRequest(rig.sim.now(), minor)));
  const settled = rig.sim.settle(created.providerRef, 'paid');
  if (!settled.ok || settled.value.paid_at === null) throw new Error('could not pay the charge');
  return { id: created.providerRef, paidAt: Date.parse(settled.value.paid_at) };
}

/** Posts straight to the simulator, past the client's own checks, to see Opn's rules. */
export function rawPost(sim: OpnSimulator, path: string, form: Record<string, string>, key = SECRET): Promise<Response> {
  return fetch(`${sim.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export function assertNoSecret(): void {
  const leaked = messages.filter((m) => m.includes(SECRET) || m.includes(BASIC.slice(6)));
  if (leaked.length > 0) throw new Error(`secret in messages: ${leaked.join(' | ')}`);
}
