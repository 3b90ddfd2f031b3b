import { pathToFileURL } from 'node:url';

/** The file:// URL `loadFile` gives a page, computed the same way so the two can be compared. */
export const filePageUrl = (filePath: string): string => pathToFileURL(filePath).href;

/**
 * The document a file:// URL names, with query and fragment dropped and the path decoded, so two
 * spellings of one page compare equal (Chromium and Node percent-encode a few characters differently,
 * and Chromium upper-cases a Windows drive letter). Anything that is not a file:// URL is null.
 */
export function fileDocument(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const withDrive = pathname.replace(/^\/([a-z]):/, (_match, drive: string) => `/${drive.toUpperCase()}:`);
  return `file://${parsed.host}${withDrive}`;
}

/** True when `url` is our page itself (a reload, or the same page with another fragment). */
export function isSamePage(url: string, pageUrl: string): boolean {
  const document = fileDocument(url);
  return document !== null && document === fileDocument(pageUrl);
}
