import { assertNever } from '../../util/assert-never';
import { utf8Bytes } from '../../util/utf8';
import type { ReceiptDocument } from '../document';
import { layoutLines, type PrintLine } from '../lines';
import type { PaperProfile } from '../paper';
import { QR_QUIET_MODULES, fitModuleSize, type QrMatrixFactory } from '../qr-matrix';
import { sliceRows, type Bitmap } from '../raster/bitmap';
import { qrBitmap } from '../raster/qr-bitmap';
import { rasterizeDocument } from '../raster/rasterize-document';
import { ByteSink } from './bytes';
import { CODE_TABLE_WPC1252, encodeText } from './code-page';
import * as cmd from './commands';

/** native: GS ( k, the printer draws the QR. raster: we draw it and send GS v 0, for printers without native QR. */
export const QR_MODES = ['native', 'raster'] as const;
export type QrMode = (typeof QR_MODES)[number];

export interface EncodeOptions {
  readonly paper: PaperProfile;
  readonly qr: QrMode;
  readonly qrMatrix: QrMatrixFactory;
  /** Send the whole receipt as one raster image per cut (for comparison in the bench). */
  readonly wholeImage?: boolean;
}

export interface EncodedReceipt {
  readonly bytes: Uint8Array;
  /** Plain-language notes, e.g. characters the code page cannot print. */
  readonly warnings: readonly string[];
}

/** Tall images go in bands: many printers cap one GS v 0 at a few hundred rows of buffer. */
const BAND_ROWS = 240;

function pushImage(sink: ByteSink, image: Bitmap): void {
  for (let y = 0; y < image.height; y += BAND_ROWS) sink.push(cmd.rasterImage(sliceRows(image, y, y + BAND_ROWS)));
}

function encodeImage(doc: ReceiptDocument, options: EncodeOptions): EncodedReceipt {
  const sink = new ByteSink().push(cmd.initialize());
  const segments = rasterizeDocument(doc, options.paper, options.qrMatrix);
  const cuts = doc.blocks.filter((b) => b.kind === 'cut').length;
  segments.forEach((segment, i) => {
    pushImage(sink, segment);
    if (i < cuts) sink.push(cmd.partialCut());
  });
  return { bytes: sink.bytes(), warnings: [] };
}

export function encodeReceipt(doc: ReceiptDocument, options: EncodeOptions): EncodedReceipt {
  if (options.wholeImage === true) return encodeImage(doc, options);
  const sink = new ByteSink().push(cmd.initialize(), cmd.selectCodeTable(CODE_TABLE_WPC1252));
  const unprintable = new Set<string>();
  // Mode bytes only when they change; ESC @ left everything at its default.
  let state: Pick<PrintLine, 'align' | 'bold' | 'size'> = { align: 'left', bold: false, size: 'normal' };
  const setState = (next: Pick<PrintLine, 'align' | 'bold' | 'size'>) => {
    if (next.align !== state.align) sink.push(cmd.justify(next.align));
    if (next.bold !== state.bold) sink.push(cmd.emphasis(next.bold));
    if (next.size !== state.size) sink.push(cmd.characterSize(next.size));
    state = next;
  };
  for (const block of layoutLines(doc, options.paper)) {
    switch (block.kind) {
      case 'line': {
        setState(block);
        const encoded = encodeText(block.text);
        encoded.unprintable.forEach((ch) => unprintable.add(ch));
        sink.push(encoded.bytes, cmd.LF);
        break;
      }
      case 'qr': {
        const matrix = options.qrMatrix(block.payload, 'M');
        const moduleDots = fitModuleSize(matrix.size, options.paper.dots);
        if (options.qr === 'native') {
          setState({ ...state, align: 'center' });
          sink.push(cmd.feedDots(QR_QUIET_MODULES * moduleDots));
          sink.push(cmd.qrSelectModel2(), cmd.qrModuleSize(moduleDots), cmd.qrErrorCorrection('M'), cmd.qrStore(utf8Bytes(block.payload)), cmd.qrPrint());
          sink.push(cmd.feedDots(QR_QUIET_MODULES * moduleDots));
        } else {
          // The image is full width with the code centred in it, so justification does not matter.
          pushImage(sink, qrBitmap(matrix, moduleDots, options.paper.dots));
        }
        break;
      }
      case 'feed':
        sink.push(cmd.feedLines(block.lines));
        break;
      case 'cut':
        sink.push(cmd.partialCut());
        break;
      default:
        assertNever(block, 'laid-out block');
    }
  }
  const warnings =
    unprintable.size === 0 ? [] : [`The printer's code page (WPC1252) has no ${[...unprintable].join(' ')}: printed as "?"`];
  return { bytes: sink.bytes(), warnings };
}
