import type { StoreApi } from 'zustand';
import type { CashierState } from '../cashier-store';
import { cueForChange } from './sound-cue';
import { createSoundPlayer, type SoundPlayer } from './sound-player';

/**
 * Plays a tone once per transition into paid or failed, unless the terminal's settings switch sounds
 * off. Driven by the store, so a tone follows exactly what the screen shows. Returns a stop function.
 */
export function startSoundCues(store: StoreApi<CashierState>, player: SoundPlayer = createSoundPlayer()): () => void {
  return store.subscribe((state, previous) => {
    if (state.payment === previous.payment) return;
    const cue = cueForChange(previous.payment, state.payment);
    if (cue !== null && state.terminal?.sounds.enabled === true) player.play(cue);
  });
}
