import type { App, Session } from 'electron';
import { denyPermissionCheck, denyPermissionRequest, windowOpenHandler, withContentSecurityPolicy } from './web-preferences';

/**
 * Session-wide guards, so they hold for every web contents, not only the windows we remember to
 * configure: no permission is ever granted, and every response carries our CSP as a header as well
 * as the pages' <meta> tag (the header also covers anything the meta tag cannot, e.g. frame-ancestors).
 * The app:// handler (page-protocol.ts) sets the header itself; this is the second line, for any response.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** Any web contents created anywhere (a stray <webview>, a future window) gets the same deny-all defaults. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(windowOpenHandler);
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
  });
}
