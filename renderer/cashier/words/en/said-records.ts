import type { JournalDiskProblem, JournalProblemSaid, RecordsSaid } from '../../../../app/i18n/said/records';
import type { SaidWordsFor } from '../said';

const disk = {
  full: { reason: 'the disk is full', until: 'there is room', remedy: (f: string) => `free space on the disk that holds ${f}` },
  io: { reason: 'the disk reported a write error', until: 'the journal can write again', remedy: (f: string) => `check the disk that holds ${f}` },
  read_only: { reason: 'the journal file or its disk has become read-only', until: 'it can be written again', remedy: (f: string) => `make ${f} writable again` },
  denied: { reason: 'the terminal is no longer allowed to write to it', until: 'the terminal may write to it again', remedy: (f: string) => `check the permissions of ${f}` },
  busy: { reason: 'another program has kept it locked', until: 'that program lets go of it', remedy: (f: string) => `close whatever else has the journal in ${f} open` },
} as const satisfies Record<JournalDiskProblem, unknown>;

const journal = (said: JournalProblemSaid): string =>
  said.kind === 'journal_cannot_save'
    ? `Cannot save to the journal: ${disk[said.problem].reason}. No new sale can start until ${disk[said.problem].until} (${disk[said.problem].remedy(said.folder)}).`
    : `Cannot save to the journal (${said.detail}). No new sale can start until it saves again; the sale on the counter is kept and saved as soon as it can be.`;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const SMALLER = 'Crop it to the QR code, or take a smaller photo of it.';


/** An Orangepill request's status as the lookup shows it (app/providers/orangepill/orangepill-status-words.ts). */
const STATUS: Readonly<Record<string, string>> = {
  CREATED: 'Waiting for payment',
  PENDING: 'Waiting for payment',
  PROCESSING: 'Payment in progress',
  ACCEPTED: 'Payment in progress',
  DONE: 'Paid',
  COMPLETED: 'Paid',
  OVERPAID: 'Paid, more than the amount asked',
  LATE: 'Paid late, after the request expired',
  INCOMPLETE: 'Partly paid',
  REFUND: 'Being refunded',
  REFUNDED: 'Refunded',
};
/** Statuses whose words go on with Orangepill's reason, when it gave one. */
const WITH_REASON: Readonly<Record<string, string>> = { CANCELLED: 'Cancelled', FAILED: 'Payment failed', ERROR: 'Orangepill reported an error' };

const lookupStatus = ({ status, reason }: { readonly status: string; readonly reason: string | null }): string => {
  const failed = WITH_REASON[status];
  if (failed !== undefined) return reason === null ? failed : `${failed}: ${reason}`;
  return STATUS[status] ?? `Orangepill status ${status}, which the terminal does not know`;
};

export const en: SaidWordsFor<RecordsSaid> = {
  journal_cannot_save: journal,
  journal_write_failed: journal,
  kept_until_saved: (said) =>
    `${journal(said.journal)} ${said.kept === 'sale' ? "This sale's latest news is kept, and shown once it is saved." : 'This decision is kept, and shown once it is saved.'}`,
  refund_kept_until_saved: (said) => `${journal(said.journal)} The refund went through at ${said.provider}; it is saved as soon as the journal can write.`,
  day_report_not_saved: ({ problem, folder }) =>
    `The day report was not saved: ${disk[problem].reason} (${disk[problem].remedy(folder)}). The day stays open; close it again once that is fixed.`,
  day_sales_open: ({ count }) =>
    count === 1
      ? 'A sale is still in progress: finish or cancel it before closing the day, so it is counted'
      : `${count} sales are still in progress: finish or cancel them before closing the day, so they are counted`,
  no_journal: () =>
    'History and end of day need the journal, and this terminal keeps payments in memory only: start it with a data folder (--data) to keep them',
  day_report_not_found: ({ number, last }) =>
    last === null ? `There is no day report ${number}: no day has been closed yet` : `There is no day report ${number}: the reports run from 1 to ${last}`,
  payment_not_in_journal: ({ paymentId }) => `No payment ${paymentId} in the journal`,
  payment_unreadable: ({ paymentId, detail }) => `Payment ${paymentId} in the journal cannot be read: ${detail}`,
  csv_too_many: ({ count, max }) => `exportPaymentsCsv: ${count} payments match, more than the ${max} one file holds; choose a shorter date range`,
  lookup_not_set_up: () => 'Orangepill is not set up on this terminal',
  lookup_no_qr: () => 'No QR code could be read from that image',
  lookup_image_unreadable: () => 'That image could not be read: use a PNG or JPEG picture of the QR code',
  lookup_image_too_detailed: () => 'That image is too detailed to send to Orangepill: crop it to the QR code and try again',
  lookup_image_too_many_pixels: ({ width, height, maxSide, maxPixels }) =>
    `The picture is ${width} × ${height} pixels; the largest the terminal reads is ${maxSide} × ${maxSide} (${(maxPixels / 1e6).toFixed(1)} megapixels). ${SMALLER}`,
  lookup_image_too_many_bytes: ({ bytes, maxBytes }) => `The picture is ${megabytes(bytes)}; the largest the terminal reads is ${megabytes(maxBytes)}. ${SMALLER}`,
  lookup_not_a_request: () => 'That QR code is not an Orangepill payment request',
  lookup_no_such_request: ({ code }) => `Orangepill has no payment request with code ${code}`,
  lookup_status: lookupStatus,
};
