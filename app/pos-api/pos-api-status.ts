import type { PosListenSaid } from '../i18n/said/settings';
import { z } from 'zod';

/*
 * The POS API as the settings screen shows it (issue 21): where it listens, or why it does not, and
 * for the LAN the certificate's public identity the tills pin. Never the certificate's key: that
 * stays in the main process's data folder.
 */

export const posApiStatusSchemas = {
  getPosApiStatus: z.strictObject({}),
  /** A new certificate for the LAN listener: every till must pin its new fingerprint. */
  newPosCertificate: z.strictObject({}),
} as const;

/** What a till pins: the certificate's fingerprint, or its public key's for curl's --pinnedpubkey. */
export interface PosCertificateView {
  /** SHA-256 of the certificate, colon hex upper case. */
  readonly fingerprint256: string;
  /** base64 SHA-256 of the public key: `curl --pinnedpubkey sha256//<this>`. */
  readonly spkiPin256: string;
  /** When it stops being valid (epoch ms). */
  readonly validTo: number;
  /**
   * Why this certificate is new since the last start, when it is: `created`, `regenerated`, or
   * `replaced` (the old files were unusable, `reason` says how): the tills must pin it again.
   */
  readonly fresh: null | { readonly kind: 'created' | 'regenerated' } | { readonly kind: 'replaced'; readonly reason: string };
}

export interface PosApiStatus {
  /** Where it listens now, or null. */
  readonly url: string | null;
  /** Why it does not listen though enabled (a port taken, a certificate that cannot be read), or null. */
  readonly problem: string | null;
  /** The same as a `Said`, for the settings screen's language (absent from an older terminal). */
  readonly problemSaid?: PosListenSaid;
  /** The LAN certificate, when the API is set to the LAN and the certificate could be read or made. */
  readonly certificate: PosCertificateView | null;
}

export interface PosApiStatusResults {
  readonly getPosApiStatus: PosApiStatus;
  readonly newPosCertificate: PosApiStatus;
}
