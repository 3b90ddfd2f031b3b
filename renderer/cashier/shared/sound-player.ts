import type { SoundCue } from './sound-cue';

interface Note {
  readonly hz: number;
  readonly startS: number;
  readonly lengthS: number;
}

/** Paid rises (a bright two-note chime); failed falls, lower and rougher: told apart without looking. */
const TONES: Readonly<Record<SoundCue, { readonly wave: OscillatorType; readonly notes: readonly Note[] }>> = {
  paid: {
    wave: 'sine',
    notes: [
      { hz: 880, startS: 0, lengthS: 0.12 },
      { hz: 1318.5, startS: 0.13, lengthS: 0.22 },
    ],
  },
  failed: {
    wave: 'triangle',
    notes: [
      { hz: 392, startS: 0, lengthS: 0.2 },
      { hz: 261.6, startS: 0.22, lengthS: 0.32 },
    ],
  },
};

const VOLUME = 0.25;
const ATTACK_S = 0.01;

export interface SoundPlayer {
  play(cue: SoundCue): void;
}

/**
 * Tones made with the Web Audio API, so no audio file ships or loads. Each cue played is appended to
 * `<html data-sound-cues>`, which the end-to-end tests read, since they cannot hear.
 */
export function createSoundPlayer(): SoundPlayer {
  let context: AudioContext | null = null;
  const audio = (): AudioContext | null => {
    if (context === null && typeof AudioContext === 'function') context = new AudioContext();
    return context;
  };
  // Browsers keep audio suspended until the page is touched or keyed; the cashier always does that before a sale ends.
  const unlock = (): void => void audio()?.resume();
  window.addEventListener('pointerdown', unlock, { capture: true });
  window.addEventListener('keydown', unlock, { capture: true });

  return {
    play(cue) {
      const ctx = audio();
      if (ctx === null) return;
      if (ctx.state === 'suspended') void ctx.resume();
      const { wave, notes } = TONES[cue];
      const t0 = ctx.currentTime + 0.02;
      for (const note of notes) {
        const oscillator = ctx.createOscillator();
        const gain = ctx.createGain();
        oscillator.type = wave;
        oscillator.frequency.value = note.hz;
        // A short attack and an exponential fade, so the tone has no click at either end.
        gain.gain.setValueAtTime(0.0001, t0 + note.startS);
        gain.gain.exponentialRampToValueAtTime(VOLUME, t0 + note.startS + ATTACK_S);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.startS + note.lengthS);
        oscillator.connect(gain).connect(ctx.destination);
        oscillator.start(t0 + note.startS);
        oscillator.stop(t0 + note.startS + note.lengthS + 0.02);
      }
      const root = document.documentElement;
      root.dataset.soundCues = [root.dataset.soundCues, cue].filter(Boolean).join(' ');
    },
  };
}
