/*
 * Why the terminal's own QR image reader refused a provider's QR image (electron/shared/images/
 * qr-image-reasons.ts), as what it says and its values, so the cashier reads the reason in their own
 * language: carried as `reason` inside the payment sentence that names the provider and method. It is
 * never said on its own, so it has no `area`.
 *
 * Sizes are whole numbers, or null for "over a trillion" (or no number at all), as the English says
 * them. `detail` is the SVG checker's own description of what it found, kept as it came.
 */

/** What the image's bytes turned out to be. */
export type ImageBytesWhat = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'gzip' | 'unknown';

/** A count of bytes or pixels: a whole number, or null past a trillion. */
export type ImageCount = number | null;

type R<K extends string, V = unknown> = { readonly kind: K } & V;

export type ImageReasonSaid =
  /** Its Content-Type (`claimedBy` 'content_type') or file name says one kind of image, its bytes another. */
  | R<'type_mismatch', { readonly claimedBy: 'content_type' | 'filename'; readonly claimed: string; readonly is: ImageBytesWhat }>
  /** Gzip-compressed SVG (svgz), which can unpack to gigabytes. */
  | R<'compressed'>
  /** Not a PNG, JPEG or SVG at all. */
  | R<'not_image'>
  /** Over the byte cap. */
  | R<'too_many_bytes', { readonly bytes: ImageCount; readonly maxBytes: number }>
  /** A PNG or JPEG whose header says more pixels than the cap (`maxSide` × `maxSide`). */
  | R<'too_many_pixels', { readonly width: ImageCount; readonly height: ImageCount; readonly maxSide: number }>
  /** A PNG or JPEG that is broken, or built to mislead a decoder. */
  | R<'broken_raster'>
  | R<'svg_not_utf8'>
  /** An SVG with a DOCTYPE, whose entities could expand it. */
  | R<'svg_doctype'>
  /** An SVG cut off or with broken markup. */
  | R<'svg_broken', { readonly detail: string }>
  | R<'svg_too_deep'>
  | R<'svg_not_svg', { readonly detail: string }>
  /** An SVG reaching outside itself or running script. */
  | R<'svg_external', { readonly detail: string }>
  | R<'svg_too_complex', { readonly detail: string }>
  /** An SVG whose width, height or viewBox is no positive size; `value` cut short. */
  | R<'svg_bad_size', { readonly attribute: 'width' | 'height' | 'viewBox'; readonly value: string }>
  /** An SVG that would be larger than the cap when drawn large enough to scan. */
  | R<'svg_too_large', { readonly width: ImageCount; readonly height: ImageCount; readonly maxSide: number }>
  /** An SVG the checker let through but the renderer could not read. */
  | R<'svg_unreadable'>
  /** No QR could be read and there is no picture to show instead. */
  | R<'no_qr'>
  /** A GIF or WebP, shown as it is rather than read, with no picture to show. */
  | R<'gif_or_webp'>
  /** Anything else that stopped the reader. */
  | R<'unread'>;
