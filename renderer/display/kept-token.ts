import { DISPLAY_TOKEN_KEY } from '../../app/ipc/pairing-constants';

/*
 * A paired display's own token, kept in this browser's localStorage so a reload, a power cut or a
 * restart of the terminal needs nobody to type a link. Storage can be off (private mode, a kiosk
 * policy): then the display pairs for as long as the page stays open.
 */

export function keptToken(): string | null {
  try {
    const token = localStorage.getItem(DISPLAY_TOKEN_KEY);
    return token === null || token === '' ? null : token;
  } catch {
    return null;
  }
}

/** Whether the browser kept it. */
export function keepToken(token: string): boolean {
  try {
    localStorage.setItem(DISPLAY_TOKEN_KEY, token);
    return localStorage.getItem(DISPLAY_TOKEN_KEY) === token;
  } catch {
    // Not kept: the page still opens with it this once (see pairing-app.tsx).
    return false;
  }
}

export function forgetToken(): void {
  try {
    localStorage.removeItem(DISPLAY_TOKEN_KEY);
  } catch {
    // Nothing was kept.
  }
}
