import type { QrCode } from '../../payment/payment';
import type { ProviderError } from '../provider';
import { bytesToBase64 } from '../../util/base64';
import { err, ok, type Result } from '../../util/result';
import type { OpnChargeData } from './opn-api';
import type { OpnHttp } from './opn-http';

/** A QR image is a few KB; anything past this is not one, and would bloat every screen update. */
const MAX_QR_IMAGE_BYTES = 512 * 1024;

export type QrImageDecoder = (bytes: Uint8Array, contentType: string) => Promise<string | null>;

const qrError = (message: string): ProviderError => ({ kind: 'invalid_response', message, ambiguous: false });

/** Origin ("https://api.omise.co") of an absolute http(s) URL, or null. */
function originOf(url: string): string | null {
  return /^(https?:\/\/[^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? null;
}

/** The image type, from its first bytes when recognisable (servers often say octet-stream), else its header. */
function imageType(bytes: Uint8Array, contentType: string): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  const declared = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  // Raster types only: a data: URL of SVG is markup the screens would have to trust.
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(declared) ? declared : null;
}

/**
 * The QR of an Atome charge. Opn gives only an image behind `download_uri`, fetched with the secret
 * key, so main fetches it and the screens never see the URL. Decoded to its payload when possible, so
 * it is drawn crisp at any size; otherwise passed on as the image itself.
 */
export async function loadOpnQr(
  http: OpnHttp,
  baseUrl: string,
  decode: QrImageDecoder,
  charge: OpnChargeData,
): Promise<Result<QrCode, ProviderError>> {
  const uri = charge.source?.scannable_code?.image.download_uri;
  if (uri === undefined) return err(qrError('Opn created the charge without a QR code'));
  // The download carries the secret key, so it may only ever go to Opn's own API host.
  const origin = originOf(uri);
  if (origin === null || origin !== originOf(baseUrl)) return err(qrError('Opn gave a QR image address outside its API; the terminal will not send its key there'));
  const downloaded = await http.download(uri, MAX_QR_IMAGE_BYTES);
  if (!downloaded.ok) {
    const { kind, message, ...rest } = downloaded.error;
    return err({ kind, message: `Could not fetch the Atome QR image: ${message}`, ...rest });
  }
  const { bytes, contentType } = downloaded.value;
  const type = imageType(bytes, contentType);
  if (type === null || bytes.byteLength === 0) return err(qrError('Opn sent a QR code that is not an image'));
  let payload: string | null;
  try {
    payload = await decode(bytes, type);
  } catch {
    payload = null;
  }
  if (payload !== null && payload !== '') return ok({ payload });
  return ok({ payload: null, image: { dataUrl: `data:${type};base64,${bytesToBase64(bytes)}` } });
}
