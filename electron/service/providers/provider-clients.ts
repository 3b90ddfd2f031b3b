import type { Settings } from '../../../app/settings/settings';
import { createOpnClient } from '../../../app/providers/opn/opn-client';
import { createOrangepillClient } from '../../../app/providers/orangepill/orangepill-client';
import { decodeQrImage } from '../../shared/images/qr-image-decoder';
import { platformFetch } from './platform-fetch';

/** How long any provider request may take before the terminal gives up on its answer. */
export const PROVIDER_TIMEOUT_MS = 10_000;
/** Sent to providers as the ordering system (Orangepill `data.system`). */
export const PRODUCT_NAME = 'QR Counter Terminal';

/** The real Opn client for these settings, against `baseUrl` (Opn's, or a simulator's on loopback). */
export function opnClient(settings: Settings, baseUrl: string, secretKey: string, now: () => number, simulated: boolean) {
  return createOpnClient({
    baseUrl,
    secretKey,
    omiseVersion: settings.providers.opn.omiseVersion,
    fetch: platformFetch(PROVIDER_TIMEOUT_MS),
    now,
    decodeQrImage,
    simulated,
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

