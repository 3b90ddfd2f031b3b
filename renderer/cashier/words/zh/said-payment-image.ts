import type { ImageBytesWhat, ImageCount, ImageReasonSaid } from '../../../../app/i18n/said/payment-answers-image';
import type { SaidWordsFor } from '../said';

const count = (n: ImageCount): string => (n === null ? '超过一万亿' : n.toLocaleString('en-US'));
const MIB = 1024 * 1024;

/** What the bytes turned out to be, after "但其内容". */
const IS: Readonly<Record<ImageBytesWhat, string>> = {
  png: '是 PNG 图片',
  jpeg: '是 JPEG 图片',
  gif: '是 GIF 图片',
  webp: '是 WebP 图片',
  svg: '是 SVG 标记',
  gzip: '是 gzip 压缩数据',
  unknown: '不是图片',
};

/** Why the terminal's QR image reader refused a provider's QR image, as a clause after "无法使用：". */
export const imageReasons: SaidWordsFor<ImageReasonSaid> = {
  type_mismatch: ({ claimedBy, claimed, is }) =>
    `图片${claimedBy === 'content_type' ? `以 ${claimed} 类型发送` : `名为 ${claimed}`}，但其内容${IS[is]}；终端不会猜测哪一个正确。`,
  compressed: () => '图片经过 gzip 压缩（svgz）；终端只读取未压缩的 SVG，因为很小的压缩文件可能解压出数 GB 的数据。',
  not_image: () => '该文件不是 PNG、JPEG 或 SVG 图片。',
  too_many_bytes: ({ bytes, maxBytes }) => `文件大小为 ${count(bytes)} 字节；终端最多接受 ${count(maxBytes)} 字节（${maxBytes / MIB} MiB）。`,
  too_many_pixels: ({ width, height, maxSide }) => `图片尺寸为 ${count(width)} × ${count(height)} 像素；终端最多解码 ${maxSide} × ${maxSide} 像素。`,
  broken_raster: () => '图片是损坏的 PNG 或 JPEG，或是为误导解码器而构造的文件。',
  svg_not_utf8: () => 'SVG 图片不是 UTF-8 文本。',
  svg_doctype: () => 'SVG 图片声明了文档类型；终端拒绝此类文件，因为其中的实体可能把一个小文件膨胀到数 GB。',
  svg_broken: ({ detail }) => `SVG 图片不完整或其标记已损坏：${detail}。`,
  svg_too_deep: () => 'SVG 图片的元素嵌套过深，不像是一幅图。',
  svg_not_svg: ({ detail }) => `SVG 图片实际上不是 SVG：${detail}。`,
  svg_external: ({ detail }) => `SVG 图片引用了外部内容或会运行代码（${detail}）；终端只绘制自身完整、不运行任何内容的 SVG。`,
  svg_too_complex: ({ detail }) => `SVG 图片对二维码来说过于复杂：${detail}。`,
  svg_bad_size: ({ attribute, value }) => `SVG 图片的 ${attribute} 为 "${value}"，不是有效的正数尺寸。`,
  svg_too_large: ({ width, height, maxSide }) =>
    `SVG 图片绘制到可扫描的大小时将达 ${count(width)} × ${count(height)} 像素；终端最多绘制 ${maxSide} × ${maxSide} 像素。`,
  svg_unreadable: () => 'SVG 图片无法绘制：渲染器无法将其读取为 SVG。',
  no_qr: () => '无法从图片中读取二维码，因此按原样显示。',
  gif_or_webp: () => '图片是 GIF 或 WebP，终端按原样显示，不读取其中的二维码。',
  unread: () => '无法读取该图片。',
};
