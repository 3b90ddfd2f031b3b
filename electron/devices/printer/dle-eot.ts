import { err, ok, type Result } from '../../../app/util/result';
import type { PrinterCondition } from '../../../app/i18n/said/devices';
import { CONDITION_MESSAGES, type PrinterStatus } from './printer-status';

/** The four DLE EOT replies (n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor). */
export interface StatusReplies {
  readonly printer: number;
  readonly offline: number;
  readonly error: number;
  readonly paper: number;
}

// Every DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear (Epson ESC/POS reference).
const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

const bit = (b: number, mask: number): boolean => (b & mask) !== 0;

export function parseStatusReplies(replies: StatusReplies): Result<PrinterStatus, string> {
  const named: readonly (readonly [string, number])[] = [['printer', replies.printer], ['offline', replies.offline], ['error', replies.error], ['paper', replies.paper]];
  for (const [name, b] of named) {
    if (!Number.isInteger(b) || b < 0 || b > 255 || !isStatusByte(b)) {
      return err(`The printer's ${name} status reply 0x${b.toString(16).padStart(2, '0')} is not a DLE EOT status byte`);
    }
  }
  const online = !bit(replies.printer, 0x08);
  const coverOpen = bit(replies.offline, 0x04);
  const paperOut = bit(replies.offline, 0x20) || bit(replies.paper, 0x60);
  const paperNearEnd = bit(replies.paper, 0x0c);
  const cutterError = bit(replies.error, 0x08);
  const unrecoverable = bit(replies.error, 0x20);
  const autoRecoverable = bit(replies.error, 0x40);
  const error = bit(replies.offline, 0x40) || cutterError || unrecoverable || autoRecoverable;

  const conditions: PrinterCondition[] = [];
  if (paperOut) conditions.push('out_of_paper');
  if (coverOpen) conditions.push('cover_open');
  if (cutterError) conditions.push('cutter_jammed');
  if (unrecoverable) conditions.push('fault');
  if (autoRecoverable) conditions.push('cooling');
  if (error && conditions.length === 0) conditions.push('error');
  if (!online && conditions.length === 0) conditions.push('offline');
  if (paperNearEnd && !paperOut) conditions.push('paper_low');
  const messages = conditions.map((condition) => CONDITION_MESSAGES[condition]);
  return ok({ known: true, online, coverOpen, paperOut, paperNearEnd, error, ready: online && !coverOpen && !paperOut && !error, messages, conditions });
}
