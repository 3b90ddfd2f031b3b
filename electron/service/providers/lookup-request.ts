import type { RecordsSaid } from '../../../app/i18n/said/records';
import type { ApiError, ApiResult, CommandArgs, RequestLookup } from '../../../app/ipc/contract';
import { isCurrencyCode } from '../../../app/money/currency';
import { parseDecimal, type Money } from '../../../app/money/money';
import type { OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import type { OrangepillClient } from '../../../app/providers/orangepill/orangepill-client';
import type { PaymentProvider, ProviderError } from '../../../app/providers/provider';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from '../../shared/images/raster-image';
import { revealPngBase64, type RevealImageProblem } from './reveal-image';
import { requestStatusLabel, requestStatusSaid } from './request-status-label';

export const NOT_SET_UP_MESSAGE = 'Orangepill is not set up on this terminal';
export const NO_QR_MESSAGE = 'No QR code could be read from that image';
const UNREADABLE_MESSAGE = 'That image could not be read: use a PNG or JPEG picture of the QR code';
const TOO_LARGE_MESSAGE = 'That image is too detailed to send to Orangepill: crop it to the QR code and try again';
const NOT_A_REQUEST_MESSAGE = 'That QR code is not an Orangepill payment request';
const MAX_SHOWN_CODE = 64;
const SMALLER = 'Crop it to the QR code, or take a smaller photo of it.';
const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A refusal as the screens take it: the English sentence, and the same as a `Said` to word in the cashier's language. */
interface Refusal {
  readonly message: string;
  readonly said: RecordsSaid;
}

const NOT_SET_UP: Refusal = { message: NOT_SET_UP_MESSAGE, said: { area: 'records', kind: 'lookup_not_set_up' } };
const NO_QR: Refusal = { message: NO_QR_MESSAGE, said: { area: 'records', kind: 'lookup_no_qr' } };
const NOT_A_REQUEST: Refusal = { message: NOT_A_REQUEST_MESSAGE, said: { area: 'records', kind: 'lookup_not_a_request' } };

/** What the cashier is told about a picture the terminal will not read or send, with its numbers. */
function imageProblem(problem: RevealImageProblem): Refusal {
  switch (problem.kind) {
    case 'unreadable':
      return { message: UNREADABLE_MESSAGE, said: { area: 'records', kind: 'lookup_image_unreadable' } };
    case 'too_large':
      return { message: TOO_LARGE_MESSAGE, said: { area: 'records', kind: 'lookup_image_too_detailed' } };
    case 'too_many_pixels':
      return {
        message: `The picture is ${problem.width} × ${problem.height} pixels; the largest the terminal reads is ${MAX_IMAGE_SIDE} × ${MAX_IMAGE_SIDE} (${(MAX_IMAGE_PIXELS / 1e6).toFixed(1)} megapixels). ${SMALLER}`,
        said: { area: 'records', kind: 'lookup_image_too_many_pixels', width: problem.width, height: problem.height, maxSide: MAX_IMAGE_SIDE, maxPixels: MAX_IMAGE_PIXELS },
      };
    case 'too_many_bytes':
      return {
        message: `The picture is ${megabytes(problem.bytes)}; the largest the terminal reads is ${megabytes(MAX_IMAGE_BYTES)}. ${SMALLER}`,
        said: { area: 'records', kind: 'lookup_image_too_many_bytes', bytes: problem.bytes, maxBytes: MAX_IMAGE_BYTES },
      };
  }
}

export interface LookupRequestOptions {
  /** The terminal's Orangepill method, live or simulated; anything else means it is not set up. */
  readonly provider: PaymentProvider | undefined;
  /** Credentials that must never come back in an answer, even if a QR were made of one. */
  readonly secrets: readonly string[];
}

const isOrangepillClient = (provider: PaymentProvider | undefined): provider is OrangepillClient =>
  provider !== undefined && 'reveal' in provider && typeof provider.reveal === 'function' && 'details' in provider && typeof provider.details === 'function';

const failed = (code: ApiError['code'], message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
const refused = (code: ApiError['code'], refusal: Refusal): ApiResult<never> => ({ ok: false, error: { code, ...refusal } });

/** A code as it may be shown: printable, and short enough for one line. */
function shownCode(code: string): string {
  const printable = code.replace(/\p{Cc}/gu, ' ');
  return printable.length > MAX_SHOWN_CODE ? `${printable.slice(0, MAX_SHOWN_CODE)}…` : printable;
}

/** The requested amount exactly, from Orangepill's decimal and asset; null when either is missing or unknown. */
function requestedAmount(request: OrangepillRequest): Money | null {
  const { amount, asset } = request;
  if (amount === undefined || asset === undefined || !isCurrencyCode(asset)) return null;
  const parsed = parseDecimal(typeof amount === 'number' ? String(amount) : amount, asset);
  return parsed.ok ? parsed.value : null;
}

/**
 * Looks up a customer's Orangepill payment request from a picture of its QR: Orangepill reveals the
 * code in the image, then the terminal reads that request's status, amount and order.
 */
export function createLookupRequest(options: LookupRequestOptions) {
  const secrets = options.secrets.filter((secret) => secret !== '');
  const redact = (text: string): string => secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
  // A lookup is asked once, not retried in the background as a payment's status is: drop the promise to.
  const providerFailed = (error: ProviderError) => failed('provider_error', redact(error.message.replace(/\s*\u2014 retrying$/, '')));

  return async (args: CommandArgs<'lookupRequest'>): Promise<ApiResult<RequestLookup>> => {
    const client = options.provider;
    if (!isOrangepillClient(client)) return refused('invalid_state', NOT_SET_UP);

    const png = revealPngBase64(args.imageBase64);
    if (!png.ok) return refused('invalid_args', imageProblem(png.error));

    const revealed = await client.reveal(png.value);
    if (!revealed.ok) {
      // The image is all a reveal is given: a refusal means Orangepill found no QR in it.
      const noQr = revealed.error.kind === 'rejected' || revealed.error.kind === 'not_found';
      return noQr ? refused('not_found', NO_QR) : providerFailed(revealed.error);
    }
    const code = revealed.value.trim();
    if (code === '') return refused('not_found', NO_QR);
    if (secrets.some((secret) => code.includes(secret))) return refused('not_found', NOT_A_REQUEST);

    const details = await client.details(code);
    if (!details.ok) {
      const unknown = details.error.kind === 'not_found' || details.error.kind === 'rejected';
      const shown = shownCode(code);
      const noSuchRequest: Refusal = { message: `Orangepill has no payment request with code ${shown}`, said: { area: 'records', kind: 'lookup_no_such_request', code: shown } };
      return unknown ? refused('not_found', noSuchRequest) : providerFailed(details.error);
    }
    const request = details.value.request;
    return {
      ok: true,
      value: {
        code,
        status: request.status,
        statusLabel: requestStatusLabel(request),
        statusSaid: requestStatusSaid(request),
        amount: requestedAmount(request),
        order: request.data?.order ?? null,
        createdAt: request.created_at ?? null,
      },
    };
  };
}
