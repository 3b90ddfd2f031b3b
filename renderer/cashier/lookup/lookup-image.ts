/**
 * Turns a pasted or chosen picture into the base64 the lookup command takes. A large picture (a phone
 * screenshot, say) is redrawn smaller as a JPEG first, which a QR survives well; the terminal reads
 * at most 2048 pixels a side, and a small message keeps the counter quick.
 */
import type { LookupWords } from '../words/lookup';

export const MAX_SENT_BASE64 = 60_000;
const SENT_AS_IS: ReadonlySet<string> = new Set(['image/png', 'image/jpeg']);
/** Longest sides tried, largest first. */
const SIDES = [1600, 1200, 900, 700, 500] as const;
const JPEG_QUALITY = 0.85;

/** Why a pasted or chosen picture was not sent: the screen's own refusals, worded from the catalog (LookupWords). */
export type LookupRefusal = keyof Pick<LookupWords, 'noPicture' | 'notAPicture' | 'tooLarge' | 'unreadable'>;

export type ImageReading = { readonly ok: true; readonly base64: string } | { readonly ok: false; readonly refusal: LookupRefusal };

const failed = (refusal: LookupRefusal): ImageReading => ({ ok: false, refusal });

/** The base64 part of a data: URL. */
const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

function readDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('not text')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

async function longestSide(blob: Blob): Promise<number> {
  const bitmap = await createImageBitmap(blob);
  try {
    return Math.max(bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** The picture redrawn at the largest size that fits, on white (a JPEG has no transparency). */
async function redrawn(blob: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(blob);
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (context === null) return null;
    for (const side of new Set(SIDES.map((s) => Math.min(s, longest)))) {
      const scale = side / longest;
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const base64 = base64Of(canvas.toDataURL('image/jpeg', JPEG_QUALITY));
      if (base64.length <= MAX_SENT_BASE64) return base64;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/** A PNG or JPEG as it is when small enough; anything else the browser can draw, redrawn. Refusals are worded by the panel. */
export async function readLookupImage(blob: Blob): Promise<ImageReading> {
  if (!blob.type.startsWith('image/')) return failed('notAPicture');
  try {
    if (SENT_AS_IS.has(blob.type)) {
      const base64 = base64Of(await readDataUrl(blob));
      // A small file can still be a huge, flat picture (a 4K screenshot): those are redrawn too.
      if (base64.length <= MAX_SENT_BASE64 && (await longestSide(blob)) <= SIDES[0]) return { ok: true, base64 };
    }
    const base64 = await redrawn(blob);
    return base64 === null ? failed('tooLarge') : { ok: true, base64 };
  } catch {
    return failed('unreadable');
  }
}

/** The first picture on the clipboard of a paste, if any. */
export function pastedImage(event: ClipboardEvent): File | null {
  for (const item of event.clipboardData?.items ?? []) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return null;
}
