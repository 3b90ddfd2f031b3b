import type { ImageBytesWhat, ImageCount, ImageReasonSaid } from '../../../../app/i18n/said/payment-answers-image';
import type { SaidWordsFor } from '../said';

const count = (n: ImageCount): string => (n === null ? 'lebih satu trilion' : n.toLocaleString('en-US'));
const MIB = 1024 * 1024;

/** What the bytes turned out to be, after "tetapi baitnya". */
const IS: Readonly<Record<ImageBytesWhat, string>> = {
  png: 'ialah gambar PNG',
  jpeg: 'ialah gambar JPEG',
  gif: 'ialah gambar GIF',
  webp: 'ialah gambar WebP',
  svg: 'ialah markup SVG',
  gzip: 'ialah data mampatan gzip',
  unknown: 'bukan gambar',
};

/** Why the terminal's QR image reader refused a provider's QR image, as a clause after "tidak boleh digunakan:". */
export const imageReasons: SaidWordsFor<ImageReasonSaid> = {
  type_mismatch: ({ claimedBy, claimed, is }) =>
    `gambar itu ${claimedBy === 'content_type' ? 'dihantar sebagai' : 'dinamakan'} ${claimed} tetapi baitnya ${IS[is]}; terminal tidak meneka yang mana betul.`,
  compressed: () =>
    'gambar itu dimampatkan dengan gzip (svgz); terminal hanya membaca SVG yang tidak dimampatkan, kerana fail mampatan yang kecil boleh mengembang menjadi beberapa gigabait.',
  not_image: () => 'fail itu bukan gambar PNG, JPEG atau SVG.',
  too_many_bytes: ({ bytes, maxBytes }) => `fail itu bersaiz ${count(bytes)} bait; terminal menerima paling banyak ${count(maxBytes)} bait (${maxBytes / MIB} MiB).`,
  too_many_pixels: ({ width, height, maxSide }) =>
    `gambar itu berukuran ${count(width)} × ${count(height)} piksel; terminal menyahkod paling banyak ${maxSide} × ${maxSide} piksel.`,
  broken_raster: () => 'gambar itu PNG atau JPEG yang rosak, atau dibina untuk mengelirukan penyahkod.',
  svg_not_utf8: () => 'gambar SVG itu bukan teks UTF-8.',
  svg_doctype: () =>
    'gambar SVG itu mengisytiharkan jenis dokumen; terminal menolaknya, kerana entitinya boleh mengembangkan fail kecil menjadi beberapa gigabait.',
  svg_broken: ({ detail }) => `gambar SVG itu terpotong atau markupnya rosak: ${detail}.`,
  svg_too_deep: () => 'gambar SVG itu menyarangkan elemennya terlalu dalam untuk sebuah lukisan.',
  svg_not_svg: ({ detail }) => `gambar SVG itu sebenarnya bukan SVG: ${detail}.`,
  svg_external: ({ detail }) =>
    `gambar SVG itu merujuk ke luar dirinya atau menjalankan sesuatu (${detail}); terminal hanya melukis SVG yang lengkap dengan sendirinya dan tidak menjalankan apa-apa.`,
  svg_too_complex: ({ detail }) => `gambar SVG itu terlalu rumit untuk kod QR: ${detail}.`,
  svg_bad_size: ({ attribute, value }) => `gambar SVG itu memberikan ${attribute} sebagai "${value}", yang bukan saiz positif.`,
  svg_too_large: ({ width, height, maxSide }) =>
    `gambar SVG itu akan berukuran ${count(width)} × ${count(height)} piksel apabila dilukis cukup besar untuk diimbas; terminal melukis paling banyak ${maxSide} × ${maxSide} piksel.`,
  svg_unreadable: () => 'gambar SVG itu tidak dapat dilukis: pemapar tidak dapat membacanya sebagai SVG.',
  no_qr: () => 'tiada kod QR dapat dibaca daripada gambar itu, jadi ia ditunjukkan seadanya.',
  gif_or_webp: () => 'gambar itu ialah GIF atau WebP, yang ditunjukkan oleh terminal seadanya tanpa membaca kod QRnya.',
  unread: () => 'gambar itu tidak dapat dibaca.',
};
