import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../app/ipc/contract';
import { watchAnswers } from '../../renderer/api/watch-answers';

/**
 * Electron's contextBridge deep-freezes what it exposes (shell/renderer/api/electron_api_context_bridge.cc,
 * ExposeAPIInMainWorld: DeepFreeze, then a read-only, non-configurable window property), so window.pos
 * in a real Electron window is a frozen object. The stand-in's bridge does the same; this is what the
 * screens do to that object.
 */
const frozenLikeTheBridge = <T extends object>(api: T): T => Object.freeze(api);

describe('the cashier screen over a contextBridge-frozen window.pos', () => {
  it('watches the answers of a frozen API without breaking the proxy invariants', async () => {
    const seen: string[] = [];
    const api = watchAnswers(
      frozenLikeTheBridge({
        no: () => Promise.resolve<ApiResult<never>>({ ok: false, error: { code: 'forbidden', message: 'no' } }),
        onPayment: (listener: () => void) => {
          listener();
          return () => 'unsubscribed';
        },
      }),
      (error) => seen.push(error.code),
    );
    // Before the fix this threw: "'get' on proxy: property 'onPayment' is a read-only and non-configurable
    // data property on the proxy target but the proxy did not return its actual value".
    let heard = 0;
    expect(api.onPayment(() => (heard += 1))()).toBe('unsubscribed');
    expect(heard).toBe(1);
    expect(await api.no()).toMatchObject({ ok: false });
    expect(seen).toEqual(['forbidden']);
    expect('onPayment' in api).toBe(true);
  });
});
