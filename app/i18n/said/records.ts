/**
 * What the service says about the records: the journal, History, the end of day and request lookup
 * (see ../said.ts).
 */

/** What the disk said when the journal could not write to it. */
export type JournalDiskProblem = 'full' | 'io' | 'read_only' | 'denied' | 'busy';

/** Why the journal cannot save: the disk's problem, or another failure (`detail` is its own words, as it came). */
export type JournalProblemSaid =
  /** The journal cannot write: `problem` is what the disk said, `folder` where the journal is. */
  | { readonly area: 'records'; readonly kind: 'journal_cannot_save'; readonly problem: JournalDiskProblem; readonly folder: string }
  /** The journal refused a write for a reason that is not the disk's. */
  | { readonly area: 'records'; readonly kind: 'journal_write_failed'; readonly detail: string };

/** The journal's problem, and what is kept meanwhile (what the cashier just did is not lost). */
type HeldSaid =
  /** The sale's latest news (`sale`) or the cashier's decision on it (`decision`) waits to be saved. */
  | { readonly area: 'records'; readonly kind: 'kept_until_saved'; readonly journal: JournalProblemSaid; readonly kept: 'sale' | 'decision' }
  /** A refund went through at `provider` and waits to be saved. */
  | { readonly area: 'records'; readonly kind: 'refund_kept_until_saved'; readonly journal: JournalProblemSaid; readonly provider: string };

/** End of day and History's refusals. */
type DaySaid =
  /** Closing the day failed on the disk: the day stays open. */
  | { readonly area: 'records'; readonly kind: 'day_report_not_saved'; readonly problem: JournalDiskProblem; readonly folder: string }
  /** Closing the day while `count` sales in it are still going. */
  | { readonly area: 'records'; readonly kind: 'day_sales_open'; readonly count: number }
  /** History and end of day on a terminal that keeps payments in memory only. */
  | { readonly area: 'records'; readonly kind: 'no_journal' }
  /** A report number that was never kept; `last` is the newest kept (null: none yet). */
  | { readonly area: 'records'; readonly kind: 'day_report_not_found'; readonly number: number; readonly last: number | null }
  /** A payment History asked for is not in the journal. */
  | { readonly area: 'records'; readonly kind: 'payment_not_in_journal'; readonly paymentId: string }
  /** A payment's row in the journal cannot be read back; `detail` is what is wrong with it, as it came. */
  | { readonly area: 'records'; readonly kind: 'payment_unreadable'; readonly paymentId: string; readonly detail: string }
  /** A CSV export that matches more payments than one file holds. */
  | { readonly area: 'records'; readonly kind: 'csv_too_many'; readonly count: number; readonly max: number };

/** Request lookup's refusals (Orangepill's Reveal QR at the counter). */
type LookupSaid =
  | { readonly area: 'records'; readonly kind: 'lookup_not_set_up' }
  | { readonly area: 'records'; readonly kind: 'lookup_no_qr' }
  /** Not a PNG or JPEG the terminal can read. */
  | { readonly area: 'records'; readonly kind: 'lookup_image_unreadable' }
  /** Too detailed to send to Orangepill even when shrunk. */
  | { readonly area: 'records'; readonly kind: 'lookup_image_too_detailed' }
  | {
      readonly area: 'records';
      readonly kind: 'lookup_image_too_many_pixels';
      readonly width: number;
      readonly height: number;
      /** The largest side read, and the most pixels in all. */
      readonly maxSide: number;
      readonly maxPixels: number;
    }
  | { readonly area: 'records'; readonly kind: 'lookup_image_too_many_bytes'; readonly bytes: number; readonly maxBytes: number }
  /** The QR is not an Orangepill request. */
  | { readonly area: 'records'; readonly kind: 'lookup_not_a_request' }
  /** Orangepill has no request with the code read (`code` as shown: printable, at most 64 characters and an ellipsis). */
  | { readonly area: 'records'; readonly kind: 'lookup_no_such_request'; readonly code: string }
  /**
   * The found request's status in plain words ("Partly paid", never INCOMPLETE): `status` as Orangepill
   * says it (at most 40 characters), `reason` Orangepill's own words for a cancel, failure or error, if any.
   */
  | { readonly area: 'records'; readonly kind: 'lookup_status'; readonly status: string; readonly reason: string | null };

export type RecordsSaid = JournalProblemSaid | HeldSaid | DaySaid | LookupSaid;
