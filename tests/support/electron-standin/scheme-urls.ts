/**
 * Chromium (without Electron) knows no `app:` scheme, so a page of a privileged custom scheme is shown
 * at a stand-in https origin instead: app://terminal/x ↔ https://terminal.app.standin.invalid/x. Every
 * request to that origin is answered by the handler main gave `protocol.handle(scheme)`, and every URL
 * the shell reads back (getURL, senderFrame.url, will-navigate's url) is translated back, so main sees
 * only app:// URLs, as in Electron. `.invalid` never resolves, so nothing can leave the machine.
 */

export const STANDIN_SUFFIX = 'standin.invalid';

export interface SchemePrivileges {
  readonly standard?: boolean;
  readonly secure?: boolean;
}

const MAPPED = new RegExp(`^(https?)://([a-z0-9-]+)\\.([a-z][a-z0-9-]*)\\.${STANDIN_SUFFIX.replace('.', '\\.')}(/.*)?$`);

/** The URL Chromium loads for `url`; null when `url` is of a custom scheme that is not registered as standard. */
export function toChromiumUrl(url: string, privileged: ReadonlyMap<string, SchemePrivileges>): string | null {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (['http', 'https', 'about', 'data', 'file'].includes(scheme)) return url;
  const privileges = privileged.get(scheme);
  if (privileges?.standard !== true) return null;
  const web = privileges.secure === true ? 'https' : 'http';
  return `${web}://${parsed.host}.${scheme}.${STANDIN_SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The URL main would see in Electron for a URL Chromium reports. */
export function fromChromiumUrl(url: string): string {
  const match = MAPPED.exec(url);
  if (match === null) return url;
  const [, , host, scheme, rest] = match;
  return `${scheme ?? ''}://${host ?? ''}${rest ?? '/'}`;
}

/** True when Chromium's URL is one of the stand-in's custom-scheme origins. */
export const isMappedUrl = (url: string): boolean => MAPPED.test(url);
