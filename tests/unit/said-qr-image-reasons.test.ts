import type jsQR from 'jsqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageReasonSaid } from '../../app/i18n/said/payment-answers-image';
import { paymentSaidSchema } from '../../app/i18n/said/payment-schema';
import { OPN_METHODS } from '../../app/providers/opn/opn-methods';
import { loadOpnQr, type QrImageDecoder } from '../../app/providers/opn/opn-qr';
import type { ProviderError } from '../../app/providers/provider';
import { ok } from '../../app/util/result';
import { readOpnQrImage } from '../../electron/service/providers/provider-clients';
import { readQrImage } from '../../electron/shared/images/qr-image-reader';
import { refusalFor } from '../../electron/shared/images/qr-image-reasons';
import { toldText } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { imageReasons } from '../../renderer/cashier/words/en/said-payment-image';
import { blackPng } from '../support/image-bytes';
import { HOSTILE_QR_IMAGES, type HostileQrImage } from '../support/hostile-qr-images';
import { expectWordedAsSaid, formatFor } from '../support/said-check';

/**
 * When the terminal's own QR image reader refuses Opn's QR image, the cashier reads why in their own
 * language: each reason is a `Said`, its English wording exactly the reader's sentence, and the Malay
 * and Chinese sentences carry none of the English around the values.
 */

// A QR scanner that crashes on a picture built to break it: the reader's last guard.
const scanner = vi.hoisted(() => ({ crash: false }));
vi.mock('jsqr', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof jsQR }>()).default;
  return {
    default: (...args: Parameters<typeof real>) => {
      if (scanner.crash) throw new Error('scanner crashed');
      return real(...args);
    },
  };
});
afterEach(() => {
  scanner.crash = false;
});

const BASE = 'https://api.opn.test';
const CHARGE = {
  source: { flow: 'offline', scannable_code: { image: { download_uri: `${BASE}/charges/chrg_1/documents/docu_1/downloads/qr`, filename: 'qrcode.png' } } },
};

/**
 * Opn's client code given the image: downloaded (declared a PNG, so Opn's own first check lets it by)
 * and read by the terminal's real reader under the image's own Content-Type and file name.
 */
async function refusedByOpn(bytes: Uint8Array, decode: QrImageDecoder): Promise<ProviderError> {
  const http = { call: () => Promise.reject(new Error('not called')), download: () => Promise.resolve(ok({ bytes, contentType: 'image/png' })) };
  const result = await loadOpnQr(http, BASE, decode, CHARGE as never, OPN_METHODS.promptpay);
  if (result.ok) throw new Error('expected the QR image to be refused');
  return result.error;
}

/**
 * The English of `reason` around its values, as runs of three words (two of them real words, not
 * numbers or signs): none may show on a Malay or Chinese screen.
 */
function englishAround(reason: string, said: ImageReasonSaid): string[] {
  const values = Object.values(said).filter((value): value is string => typeof value === 'string' && value !== said.kind);
  let parts = [reason];
  for (const value of values) parts = parts.flatMap((part) => part.split(value));
  return parts.flatMap((part) => {
    const words = part.split(/\s+/).filter((word) => word !== '');
    return words.slice(2).map((_, i) => words.slice(i, i + 3)).filter((run) => run.filter((word) => /[a-z]{3,}/i.test(word)).length >= 2).map((run) => run.join(' '));
  });
}

function expectWordedInEachLanguage(error: ProviderError, reason: string, said: ImageReasonSaid): void {
  expect(error.said).toEqual({ area: 'payment', kind: 'opn_qr_refused', method: 'promptpay', reason: said });
  expectWordedAsSaid(error);
  for (const language of ['ms', 'zh-Hans'] as const) {
    const text = toldText(error, CASHIER_WORDS[language], formatFor());
    for (const english of englishAround(reason, said)) expect(text, `${language}: ${text}`).not.toContain(english);
  }
  // The journal keeps it: stored as JSON and read back whole by the same schema.
  expect(paymentSaidSchema.parse(JSON.parse(JSON.stringify(error.said)))).toEqual(error.said);
}

describe('the QR image reader’s reasons, worded for the cashier in English, Malay and Chinese', () => {
  const reached = new Set<string>();

  it.each(HOSTILE_QR_IMAGES.map((hostile) => [hostile.name, hostile] as const))('%s', async (_name, hostile: HostileQrImage) => {
    const reading = await readQrImage(hostile.bytes, hostile.image);
    expect(reading).toMatchObject({ kind: 'refused', reason: hostile.reason, said: { kind: hostile.kind } });
    if (reading.kind !== 'refused') return;
    const error = await refusedByOpn(hostile.bytes, (bytes) => readOpnQrImage(bytes, hostile.image.contentType, hostile.image.filename));
    expect(error.message).toBe(`Opn's PromptPay ${hostile.reason.slice(4)}`);
    expectWordedInEachLanguage(error, hostile.reason, reading.said);
    reached.add(hostile.kind);
  });

  it('a scanner that crashes on a picture leaves the reader’s last sentence, worded too', async () => {
    scanner.crash = true;
    const png = blackPng(8, 8);
    const reading = await readQrImage(png, { contentType: 'image/png' });
    expect(reading).toEqual({ kind: 'refused', reason: 'The QR image could not be read.', said: { kind: 'unread' } });
    const error = await refusedByOpn(png, (bytes) => readOpnQrImage(bytes, 'image/png'));
    expect(error.message).toBe("Opn's PromptPay QR image could not be read.");
    expectWordedInEachLanguage(error, 'The QR image could not be read.', { kind: 'unread' });
    reached.add('unread');
  });

  it('the two guards no real bytes reach (no picture to show after all) are worded too, one not starting "The"', async () => {
    const noQr = refusalFor({ kind: 'no_qr' });
    const noQrError = await refusedByOpn(blackPng(8, 8), () => Promise.resolve({ payload: null, refused: noQr.reason, said: noQr.said }));
    expect(noQrError.message).toBe("Opn's PromptPay QR image cannot be used: No QR code could be read from the QR image, so it is shown as it is.");
    expectWordedInEachLanguage(noQrError, `The ${noQr.reason}`, noQr.said);
    const gif = refusalFor({ kind: 'gif_or_webp' });
    const gifError = await refusedByOpn(blackPng(8, 8), () => Promise.resolve({ payload: null, refused: gif.reason, said: gif.said }));
    expect(gifError.message).toBe("Opn's PromptPay QR image is a GIF or WebP, which the terminal shows as it is rather than reading its QR code.");
    expectWordedInEachLanguage(gifError, gif.reason, gif.said);
    reached.add('no_qr').add('gif_or_webp');
  });

  it('every reason the reader gives was reached above', () => {
    expect([...reached].sort()).toEqual(Object.keys(imageReasons).sort());
  });
});

describe('a stored reason is read back only whole', () => {
  const refused = (reason: unknown) => ({ area: 'payment', kind: 'opn_qr_refused', method: 'promptpay', reason });

  it.each([
    ['the English sentence in place of a reason', 'The QR image is not a PNG, JPEG or SVG picture.'],
    ['a reason of a kind the terminal never gives', { kind: 'too_pretty' }],
    ['a reason with a value it does not have', { kind: 'not_image', detail: '<script>' }],
    ['a byte count below zero', { kind: 'too_many_bytes', bytes: -1, maxBytes: 1_048_576 }],
    ['a fractional pixel count', { kind: 'too_many_pixels', width: 1.5, height: 10, maxSide: 2048 }],
    ['an infinite width', { kind: 'svg_too_large', width: Number.POSITIVE_INFINITY, height: 740, maxSide: 2048 }],
    ['a cap given as text', { kind: 'svg_too_large', width: null, height: 740, maxSide: '2048' }],
    ['a mismatch claimed by something else', { kind: 'type_mismatch', claimedBy: 'magic', claimed: 'x', is: 'png' }],
    ['a mismatch with bytes of an unknown kind', { kind: 'type_mismatch', claimedBy: 'filename', claimed: 'x', is: 'bmp' }],
    ['a size given by an attribute that is none', { kind: 'svg_bad_size', attribute: 'style', value: '0' }],
    ['a detail that is not text', { kind: 'svg_broken', detail: { toString: 'x' } }],
    ['no reason at all', undefined],
  ])('%s is refused', (_name, reason) => {
    expect(paymentSaidSchema.safeParse(refused(reason)).success).toBe(false);
  });

  it('a reason past a trillion is kept as null, which reads back', () => {
    const said = refused({ kind: 'svg_too_large', width: null, height: 740, maxSide: 2048 });
    expect(paymentSaidSchema.parse(said)).toEqual(said);
  });
});
