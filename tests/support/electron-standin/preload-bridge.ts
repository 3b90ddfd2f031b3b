/**
 * The page side of the stand-in: the real built preload bundle, run in each window's main frame
 * before the page's own scripts (Playwright's init script, which Chromium runs at document creation),
 * with a `require` that gives it the stand-in `electron` module a sandboxed preload sees:
 * `contextBridge` and `ipcRenderer`, the latter carried over a Playwright binding to the stand-in
 * ipcMain in the test process. Written as plain JavaScript text: the page's CSP forbids eval, and a
 * function's source would carry the test bundler's helpers.
 */

/** The binding every stand-in page calls; the preload's script takes it off `window` before the page runs. */
export const IPC_BINDING = '__electronStandinIpc';

export function preloadScript(preloadSource: string, deliverName: string): string {
  return `(() => {
  if (window.top !== window) return;
  const binding = window.${IPC_BINDING};
  if (typeof binding !== 'function') throw new Error('electron stand-in: the IPC binding is missing');
  const listeners = new Map();
  const ipcRenderer = {
    invoke(channel, ...args) {
      return binding('invoke', String(channel), args).then((answer) => {
        if (answer.ok) return answer.value;
        throw new Error("Error invoking remote method '" + channel + "': " + answer.error);
      });
    },
    send(channel, ...args) { void binding('send', String(channel), args); },
    on(channel, listener) {
      const list = listeners.get(channel) ?? [];
      list.push(listener);
      listeners.set(channel, list);
      return ipcRenderer;
    },
    once(channel, listener) {
      const wrapped = (...args) => { ipcRenderer.removeListener(channel, wrapped); listener(...args); };
      return ipcRenderer.on(channel, wrapped);
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) ?? [];
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
      return ipcRenderer;
    },
    off(channel, listener) { return ipcRenderer.removeListener(channel, listener); },
    removeAllListeners(channel) { if (channel === undefined) listeners.clear(); else listeners.delete(channel); return ipcRenderer; },
  };
  Object.defineProperty(window, ${JSON.stringify(deliverName)}, {
    value: (channel, args) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) {
        try { listener({ sender: ipcRenderer, senderId: 0, ports: [] }, ...args); }
        catch (error) { setTimeout(() => { throw error; }); }
      }
    },
  });
  // What crosses the bridge is copied: functions become proxies, objects frozen copies (no prototype tricks back into the preload).
  const copy = (value) => {
    if (typeof value === 'function') return (...args) => value(...args);
    if (Array.isArray(value)) return Object.freeze(value.map(copy));
    if (value !== null && typeof value === 'object' && !(value instanceof Promise)) {
      return Object.freeze(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])));
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, { value: copy(api), enumerable: true, configurable: false, writable: false });
    },
  };
  const electron = Object.freeze({ contextBridge, ipcRenderer });
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error("electron stand-in: a sandboxed preload cannot require '" + name + "' here (only 'electron' is emulated)");
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}

/**
 * In every window's page: window.open asks main (setWindowOpenHandler) through the binding instead
 * of opening a popup, and returns null, as Electron's does when the handler denies.
 */
export const WINDOW_OPEN_SCRIPT = `(() => {
  const binding = window.${IPC_BINDING};
  if (window.top === window) {
    try { delete window.${IPC_BINDING}; } catch {}
  }
  window.open = function (url, target, features) {
    const resolved = url === undefined || url === '' ? 'about:blank' : String(new URL(String(url), location.href));
    if (typeof binding === 'function') void binding('open', resolved, [target === undefined ? '' : String(target), features === undefined ? '' : String(features)]);
    return null;
  };
})();`;
