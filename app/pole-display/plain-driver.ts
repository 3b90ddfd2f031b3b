import { asciiBytes, concatBytes } from './bytes';
import type { PoleDriver } from './driver';
import type { PoleScreen } from './screen';

const CRLF = [0x0d, 0x0a] as const;

/**
 * For displays with no addressing, in a vertical-scroll teletype mode that does not wrap by itself.
 * Each change sends CR LF, the top line, CR LF, the bottom line: two scrolls leave exactly the two new
 * lines showing, whatever was there before. It cannot send only a diff.
 */
export function plainDriver(): PoleDriver {
  const frame = (next: PoleScreen): Uint8Array => concatBytes([CRLF, asciiBytes(next.top), CRLF, asciiBytes(next.bottom)]);
  return {
    id: 'plain',
    label: 'Plain ASCII (CR/LF)',
    init: () => new Uint8Array(0),
    render: (next, previous) =>
      previous !== null && previous.top === next.top && previous.bottom === next.bottom ? new Uint8Array(0) : frame(next),
  };
}
