/// <reference types="vite/client" />
import type { PosApi } from '../app/ipc/pos-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the API runs over a WebSocket instead. */
    readonly pos?: PosApi;
  }
}
