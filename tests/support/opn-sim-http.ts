/**
 * Plain HTTP to the Opn simulator, past any client: what the simulator's own tests send and read, so
 * they check Opn's rules as the docs state them, not as the terminal's client happens to use them.
 */
import { Resvg } from '@resvg/resvg-js';
import { afterEach, beforeEach } from 'vitest';
import type { OpnCharge } from '../../electron/simulators/opn/opn-charge';
import { startOpnSimulator, type OpnSimulator, type OpnSimulatorOptions } from '../../electron/simulators/opn/opn-simulator';
import { decodeQrFromPng, decodeQrFromRgba } from './qr-decode';

export const SIM_KEY = 'skey_test_opnsimulator0123456789';
const AUTH = { authorization: `Basic ${Buffer.from(`${SIM_KEY}:`).toString('base64')}` };

/** A fresh simulator for each test, closed after it. */
export function useOpnSim(options: Partial<OpnSimulatorOptions> = {}): () => OpnSimulator {
  let sim: OpnSimulator | null = null;
  beforeEach(async () => {
    sim = await startOpnSimulator({ secretKey: SIM_KEY, ...options });
  });
  afterEach(async () => {
    await sim?.close();
    sim = null;
  });
  return () => {
    if (sim === null) throw new Error('the Opn simulator runs only inside a test');
    return sim;
  };
}

export interface Answer {
  readonly status: number;
  readonly json: unknown;
}

/** GET, or POST of a form when one is given, with the simulator's key unless `auth` is false. */
export async function opnApi(sim: OpnSimulator, path: string, form?: Record<string, string>, auth = true): Promise<Answer> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: form === undefined ? 'GET' : 'POST',
    headers: { ...(auth ? AUTH : {}), ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
    ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
  });
  return { status: response.status, json: await response.json() };
}

/** POSTs to a control; a string body is sent as it is, anything else as JSON. */
export async function opnControl(sim: OpnSimulator, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${sim.baseUrl}/__control/${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/** Creates a charge and returns its JSON, failing the test on any other answer. */
export async function createCharge(sim: OpnSimulator, form: Record<string, string>): Promise<OpnCharge> {
  const answer = await opnApi(sim, '/charges', form);
  if (answer.status !== 200) throw new Error(`expected a charge, got ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json as OpnCharge;
}

/** Creates a charge and marks it paid, as the customer's wallet would. */
export async function paidCharge(sim: OpnSimulator, form: Record<string, string>): Promise<OpnCharge> {
  const charge = await createCharge(sim, form);
  const paid = sim.settle(charge.id, 'paid');
  if (!paid.ok) throw new Error(paid.error);
  return paid.value;
}

export interface Download {
  readonly status: number;
  readonly contentType: string | null;
  readonly bytes: Buffer;
}

/** Fetches a charge's QR document from its `download_uri`, as a client would. */
export async function downloadQr(charge: OpnCharge): Promise<Download> {
  const uri = charge.source.scannable_code?.image.download_uri;
  if (uri === undefined) throw new Error(`charge ${charge.id} has no scannable code`);
  const response = await fetch(uri, { headers: AUTH });
  return { status: response.status, contentType: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Decodes a QR document as a phone would see it: a PNG from its pixels, an SVG once rasterised. */
export function decodeDocument(download: Download): string | null {
  if (download.contentType === 'image/png') return decodeQrFromPng(download.bytes);
  if (download.contentType !== 'image/svg+xml') throw new Error(`unexpected content type ${download.contentType}`);
  const picture = new Resvg(download.bytes, { fitTo: { mode: 'width', value: 400 }, background: '#ffffff' }).render();
  return decodeQrFromRgba(new Uint8ClampedArray(picture.pixels), picture.width, picture.height);
}
