import type { ClientRole } from '../service/terminal/terminal-api';
import { isSamePage } from './page-url';

/** One of our own windows, as the IPC check needs to know it. */
export interface TrustedPage {
  readonly role: ClientRole;
  readonly webContentsId: number;
  /** The app://terminal URL the window was loaded with; fixed at creation, never read back from the window. */
  readonly pageUrl: string;
}

export interface SenderFrameInfo {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export type SenderCheck = { readonly ok: true; readonly role: ClientRole } | { readonly ok: false; readonly reason: string };

/**
 * Answers only our own windows' top frames while they show our own pages (GitHub Desktop's
 * trusted-ipc-sender; Electron security checklist #17). The role comes from the window, never from
 * the message, so the customer display cannot claim to be the cashier.
 */
export function checkSender(pages: readonly TrustedPage[], webContentsId: number, frame: SenderFrameInfo | null): SenderCheck {
  const page = pages.find((p) => p.webContentsId === webContentsId);
  if (page === undefined) return { ok: false, reason: 'the sender is not one of the terminal windows' };
  if (frame === null) return { ok: false, reason: 'the sending frame has gone (navigated or destroyed)' };
  if (!frame.isMainFrame) return { ok: false, reason: 'the sender is a subframe, not the page itself' };
  if (!isSamePage(frame.url, page.pageUrl)) return { ok: false, reason: 'the sending frame is not showing the terminal page' };
  return { ok: true, role: page.role };
}
