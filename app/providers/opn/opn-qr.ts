import type { QrCode } from '../../payment/payment';
import type { PaymentSaid } from '../../i18n/said/payment';
import type { ImageReasonSaid } from '../../i18n/said/payment-answers-image';
import type { PaymentSentence, ProviderError } from '../provider';
import { providerSaid } from '../provider-errors';
import { bytesToBase64 } from '../../util/base64';
import { err, ok, type Result } from '../../util/result';
import type { OpnChargeData } from './opn-api';
import type { OpnHttp } from './opn-http';
import type { OpnMethod } from './opn-methods';

/** A QR image is a few KB; anything past this is not one, and would bloat every screen update. */
const MAX_QR_IMAGE_BYTES = 512 * 1024;

/**
 * What a QR image decoder answers: the payload text; null when none could be read (a raster image is
 * then shown as it came); for an image no screen may show as it came (SVG is markup), a PNG drawn from
 * it to show instead; or why the image is refused outright: `refused` in English, `said` what it says.
 */
export type QrImageDecoded =
  | string
  | null
  | { readonly payload: null; readonly picture: { readonly bytes: Uint8Array; readonly contentType: QrPictureType } }
  | { readonly payload: null; readonly refused: string; readonly said: ImageReasonSaid };

/** The raster pictures a screen may show as they are. */
export type QrPictureType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/**
 * Decodes the QR in a provider's image. `contentType` is what the server declared (without parameters),
 * or what the bytes are when it declared nothing useful; `filename` is Opn's name for the document
 * ("qrcode.jpg", "qrcode.svg"), when it gave one. The decoder picks its format from these and the bytes.
 */
export type QrImageDecoder = (bytes: Uint8Array, contentType: string, filename?: string) => Promise<QrImageDecoded>;

const qrError = (message: string, said: PaymentSaid): ProviderError => ({ kind: 'invalid_response', message, said, ambiguous: false });

/** Origin ("https://api.omise.co") of an absolute http(s) URL, or null. */
function originOf(url: string): string | null {
  return /^(https?:\/\/[^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? null;
}

const RASTER_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const SVG_TYPE = 'image/svg+xml';

/** True when the bytes open like an SVG document: optional BOM and whitespace, then `<?xml`, `<!--`, `<!DOCTYPE svg` or `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && at < 256 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at] ?? 0)) at++;
  // ASCII only is read, by hand: app/ has no TextDecoder, and these markers are ASCII.
  const head = String.fromCharCode(...bytes.subarray(at, at + 16));
  return /^<(\?xml|!--|!doctype\s+svg|svg[\s>])/i.test(head);
}

/**
 * The image's format: from its first bytes when recognisable (servers often say octet-stream), else
 * SVG when the header, the filename or the bytes say so, else a raster type the header declares.
 */
export function opnImageType(bytes: Uint8Array, declared: string, filename: string | null): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  if (declared === SVG_TYPE || /\.svg$/i.test(filename ?? '') || looksLikeSvg(bytes)) return SVG_TYPE;
  return RASTER_TYPES.includes(declared) ? declared : null;
}

/** The decoder's reason, naming the method: "The QR image is…" reads "Opn's PromptPay QR image is…". */
function refusal(name: string, reason: string): string {
  return reason.startsWith('The ') ? `Opn's ${name} ${reason.slice(4)}` : `Opn's ${name} QR image cannot be used: ${reason}`;
}

/** Why a charge's answer cannot be shown at the counter as a QR, naming the method; null when it can. */
export function offlineFlowProblem(charge: OpnChargeData, method: OpnMethod): PaymentSentence | null {
  const name = method.names.en;
  const flow = charge.source?.flow ?? null;
  if (flow !== null && flow !== 'offline') {
    const shown = flow.slice(0, 40);
    const what = flow === 'redirect' ? 'a payment page the customer must open' : flow === 'app_redirect' ? 'a link into an app' : `a "${shown}" flow`;
    return {
      message: `Opn answered the ${name} payment with ${what}, not a QR code to show, so ${name} cannot be taken at this counter`,
      said: { area: 'payment', kind: 'opn_not_qr', method: method.id, flow: shown },
    };
  }
  if (flow === null || charge.source?.scannable_code == null) {
    return {
      message: `Opn answered the ${name} payment without a QR code to show, so ${name} cannot be taken at this counter`,
      said: { area: 'payment', kind: 'opn_not_qr', method: method.id, flow: null },
    };
  }
  return null;
}

/**
 * The QR of an offline charge. Opn gives only an image behind `download_uri`, fetched with the secret
 * key, so main fetches it and the screens never see the URL. Decoded to its payload when possible, so
 * it is drawn crisp at any size; otherwise passed on as a raster image, never as SVG markup.
 */
export async function loadOpnQr(
  http: OpnHttp,
  baseUrl: string,
  decode: QrImageDecoder,
  charge: OpnChargeData,
  method: OpnMethod,
): Promise<Result<QrCode, ProviderError>> {
  const image = charge.source?.scannable_code?.image;
  if (image === undefined) return err(qrError('Opn created the charge without a QR code', { area: 'payment', kind: 'opn_qr_missing' }));
  const uri = image.download_uri;
  const name = method.names.en;
  // The download carries the secret key, so it may only ever go to Opn's own API host.
  const origin = originOf(uri);
  if (origin === null || origin !== originOf(baseUrl)) {
    return err(qrError('Opn gave a QR image address outside its API; the terminal will not send its key there', { area: 'payment', kind: 'opn_qr_elsewhere' }));
  }
  const downloaded = await http.download(uri, MAX_QR_IMAGE_BYTES);
  if (!downloaded.ok) {
    const { kind, message, said, ...rest } = downloaded.error;
    const problem = providerSaid(said);
    const wrapped = problem === undefined ? {} : { said: { area: 'payment', kind: 'qr_fetch_failed', method: method.id, problem } as const };
    return err({ kind, message: `Could not fetch the ${name} QR image: ${message}`, ...wrapped, ...rest });
  }
  const { bytes, contentType } = downloaded.value;
  const declared = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const filename = image.filename ?? null;
  const type = opnImageType(bytes, declared, filename);
  if (type === null || bytes.byteLength === 0) return err(qrError('Opn sent a QR code that is not an image', { area: 'payment', kind: 'opn_qr_not_image' }));
  let decoded: QrImageDecoded;
  try {
    decoded = await decode(bytes, declared === '' || declared === 'application/octet-stream' ? type : declared, ...(filename === null ? [] : [filename]));
  } catch {
    decoded = null;
  }
  if (typeof decoded === 'string' && decoded !== '') return ok({ payload: decoded });
  if (decoded !== null && typeof decoded === 'object') {
    if ('refused' in decoded) return err(qrError(refusal(name, decoded.refused), { area: 'payment', kind: 'opn_qr_refused', method: method.id, reason: decoded.said }));
    const { picture } = decoded;
    return ok({ payload: null, image: { dataUrl: `data:${picture.contentType};base64,${bytesToBase64(picture.bytes)}` } });
  }
  // A screen may show a raster image as it came; SVG is markup, which no screen is given to trust.
  if (type === SVG_TYPE) {
    return err(qrError(`The ${name} QR image (SVG) could not be read, and the terminal does not show SVG as it came`, { area: 'payment', kind: 'opn_qr_svg_unread', method: method.id }));
  }
  return ok({ payload: null, image: { dataUrl: `data:${type};base64,${bytesToBase64(bytes)}` } });
}
