import type { Told } from '../shared/told';

/**
 * The answer under a refund or money-back control, or on a parked sale's card: the screen's own
 * sentence, already in the cashier's words, or what the terminal told (a refusal), kept whole so it is
 * worded at render time in the cashier's language.
 */
export type ControlAnswer = { readonly ok: boolean; readonly text: string } | { readonly ok: false; readonly told: Told };

/** The answer as the cashier reads it; `say` words what the terminal told (useSay). */
export const answerText = (answer: ControlAnswer, say: (told: Told) => string): string => ('told' in answer ? say(answer.told) : answer.text);
