import { create } from 'zustand';

/**
 * The sale whose cancel is being asked about because money has arrived on it: Esc and the Cancel
 * button only open the question; its own button sends the cancel with the acknowledgement.
 */
export interface CancelQuestionState {
  readonly askingFor: string | null;
  readonly ask: (paymentId: string) => void;
  readonly close: () => void;
}

export const useCancelQuestion = create<CancelQuestionState>()((set) => ({
  askingFor: null,
  ask: (paymentId) => set({ askingFor: paymentId }),
  close: () => set({ askingFor: null }),
}));
