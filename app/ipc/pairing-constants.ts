/*
 * The display-pairing handshake's plain values, apart from zod, so the display page can import them
 * without bundling zod. A display with no token opens one WebSocket at PAIR_PATH; the host answers a
 * short code, and, once the cashier approves that code, the display's own long-lived token.
 */

import type { Language } from '../i18n/languages';

/** Where an unpaired display asks to be paired (no token; nothing else is served there). */
export const PAIR_PATH = '/api/pair';

/** Where a paired display keeps its own token, in the browser's localStorage. */
export const DISPLAY_TOKEN_KEY = 'qr-terminal.display-token';

/** A pairing code: this many digits, shown on the display and typed by the cashier. */
export const PAIRING_CODE_DIGITS = 6;

/** Close codes of the pairing socket, so the page can tell "ask again" from "stop". */
export const PAIRING_CLOSE = { paired: 1000, expired: 4408, refused: 4429 } as const;

/** Host → unpaired display: the code to show, and when (host clock, epoch ms) it stops working. */
export interface PairingCodeMessage {
  readonly type: 'pairing_code';
  readonly code: string;
  readonly expiresInMs: number;
  /** The customer display's languages (settings `language.display`), so the pairing screen speaks them. */
  readonly languages: readonly Language[];
}

/** Host → display: approved; this token is the display's own, sent only this once. */
export interface PairedMessage {
  readonly type: 'paired';
  readonly token: string;
  readonly name: string;
}

/** Why the host gives an unpaired display no code just now: too many asks from its address, one already waiting there, or too many displays waiting. */
export const PAIRING_REFUSALS = ['too_many_requests', 'already_waiting', 'too_many_waiting'] as const;
export type PairingRefusedWhy = (typeof PAIRING_REFUSALS)[number];

/** Host → unpaired display, just before it closes the socket with PAIRING_CLOSE.refused: why, in the display's languages. */
export interface PairingRefusedMessage {
  readonly type: 'pairing_refused';
  readonly why: PairingRefusedWhy;
  readonly languages: readonly Language[];
}

export type PairingMessage = PairingCodeMessage | PairedMessage | PairingRefusedMessage;
