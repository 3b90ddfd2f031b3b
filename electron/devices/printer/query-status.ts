import { STATUS_QUERIES, statusQueryBytes } from '../../../app/receipt/escpos/status-query';
import { parseStatusReplies } from './dle-eot';
import { unknownStatus, type PrinterStatus } from './printer-status';
import type { ReplyReader } from './reply-reader';

/** Asks the four DLE EOT questions in turn; any silence or garbage is "unknown", with the reason. */
export async function queryStatusOver(
  write: (bytes: Uint8Array, timeoutMs: number) => Promise<void>,
  reader: ReplyReader,
  timeoutMs: number,
): Promise<PrinterStatus> {
  try {
    reader.clear();
    const replies: number[] = [];
    for (const n of STATUS_QUERIES) {
      await write(statusQueryBytes(n), timeoutMs);
      replies.push(await reader.readByte(timeoutMs));
    }
    const [printer = 0, offline = 0, error = 0, paper = 0] = replies;
    const parsed = parseStatusReplies({ printer, offline, error, paper });
    return parsed.ok ? parsed.value : unknownStatus(parsed.error);
  } catch (error: unknown) {
    return unknownStatus(`printer did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
}
