import type { CurrencyCode } from '../../../app/money/currency';
import type { OpnMethodId } from '../../../app/providers/opn/opn-methods';
import type { Settings } from '../../../app/settings/settings';
import { createOpnClient } from '../../../app/providers/opn/opn-client';
import { createOrangepillClient } from '../../../app/providers/orangepill/orangepill-client';
import type { QrImageDecoder } from '../../../app/providers/opn/opn-qr';
import { readQrImage } from '../../shared/images/qr-image-reader';
import { platformFetch } from './platform-fetch';

/** How long any provider request may take before the terminal gives up on its answer. */
export const PROVIDER_TIMEOUT_MS = 10_000;
/** Sent to providers as the ordering system (Orangepill `data.system`). */
export const PRODUCT_NAME = 'QR Counter Terminal';

/**
 * Opn's QR images, read by what their filename, Content-Type and bytes say (PromptPay's is an SVG):
 * the payload; else the picture to show instead (an SVG drawn to PNG, never its markup); else why not.
 */
export const readOpnQrImage: QrImageDecoder = async (bytes, contentType, filename) => {
  const reading = await readQrImage(bytes, { contentType, filename: filename ?? null });
  switch (reading.kind) {
    case 'payload':
      return reading.payload;
    case 'picture':
      return { payload: null, picture: { bytes: reading.picture.bytes, contentType: reading.picture.mediaType } };
    case 'refused':
      return { payload: null, refused: reading.reason, said: reading.said };
  }
};

/** Which Opn method a client charges, in which of the account's currencies, and how long it may wait. */
export interface OpnClientChoice {
  readonly method?: OpnMethodId;
  readonly currencies?: readonly CurrencyCode[];
  readonly timeoutMs?: number;
}

/** The real Opn client for these settings, against `baseUrl` (Opn's, or a simulator's on loopback); Atome QR unless told. */
export function opnClient(settings: Settings, baseUrl: string, secretKey: string, now: () => number, simulated: boolean, choice: OpnClientChoice = {}) {
  return createOpnClient({
    baseUrl,
    secretKey,
    omiseVersion: settings.providers.opn.omiseVersion,
    fetch: platformFetch(choice.timeoutMs ?? PROVIDER_TIMEOUT_MS),
    now,
    decodeQrImage: readOpnQrImage,
    simulated,
    ...(choice.method === undefined ? {} : { method: choice.method }),
    ...(choice.currencies === undefined ? {} : { currencies: choice.currencies }),
  });
}

/** The real Orangepill client for these settings, against `baseUrl` (Orangepill's, or a simulator's). */
export function orangepillClient(settings: Settings, baseUrl: string, apiKey: string, merchantAlias: string, now: () => number, simulated: boolean) {
  const op = settings.providers.orangepill;
  return createOrangepillClient({
    baseUrl,
    apiKey,
    merchantAlias,
    store: op.store ?? settings.merchant.name,
    merchant: op.merchant,
    callbackUrl: op.callbackUrl,
    tags: op.tags,
    system: PRODUCT_NAME,
    fetch: platformFetch(PROVIDER_TIMEOUT_MS),
    now,
    simulated,
  });
}

