import type { ApiError } from '../../app/ipc/contract';

const isRefusal = (value: unknown): value is { readonly ok: false; readonly error: ApiError } =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false && typeof (value as { error?: unknown }).error === 'object';

/**
 * The same API, with every refusal shown to `listener` before the caller sees it: some answers
 * (nobody signed in any more) change the whole screen, whichever panel sent the command. Works on
 * the preload's object and on the WebSocket one alike; events and their unsubscribers pass through.
 */
export function watchAnswers<Api extends object>(api: Api, listener: (error: ApiError) => void): Api {
  // Not the API itself as the proxy's target: Electron's contextBridge deep-freezes window.pos, and a proxy
  // must answer a frozen target's own properties with their very values, never a wrapper. A blank object
  // over the API (as its prototype) has no own properties to hold the proxy to.
  return new Proxy(Object.create(api) as Api, {
    get(_blank, property) {
      const value: unknown = Reflect.get(api, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const out: unknown = Reflect.apply(value, api, args);
        // A promise from across Electron's context bridge is a thenable of this world: checked by shape.
        if (typeof out === 'object' && out !== null && typeof (out as { then?: unknown }).then === 'function') {
          Promise.resolve(out).then(
            (answer: unknown) => {
              if (isRefusal(answer)) listener(answer.error);
            },
            () => undefined,
          );
        }
        return out;
      };
    },
  });
}
