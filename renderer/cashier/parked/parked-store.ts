import { create } from 'zustand';
import type { ParkedSales } from '../../../app/engine/parking-desk';
import type { ControlAnswer } from '../refund/refund-answer';
import type { Told } from '../shared/told';

/** What is under way on one parked sale's card. */
export type ParkedBusy = 'check' | 'resolve' | 'acknowledge';

/**
 * The Needs attention list: the parked sales as main last announced them, and what the last action on
 * each said. A store of its own, fed by the `parked` event and `listParked`; the sale's store is apart.
 */
export interface ParkedState {
  readonly sales: ParkedSales;
  /** The last answer on each sale's card, by payment id. */
  readonly answers: Readonly<Record<string, ControlAnswer>>;
  readonly busy: Readonly<Record<string, ParkedBusy>>;
  /** Why the list could not be read, as the terminal told it (the panel says what it is about); null once it has been. */
  readonly problem: Told | null;
  /** The Needs attention list is on screen (opened from the badge or a banner). */
  readonly listOpen: boolean;
  readonly setSales: (sales: ParkedSales) => void;
  readonly setAnswer: (id: string, answer: ControlAnswer | null) => void;
  readonly setBusy: (id: string, busy: ParkedBusy | null) => void;
  readonly setProblem: (problem: Told | null) => void;
  readonly setListOpen: (open: boolean) => void;
}

const without = <T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> => {
  const { [id]: _gone, ...rest } = record;
  return rest;
};

export const useParkedStore = create<ParkedState>()((set) => ({
  sales: { open: [], settled: [] },
  answers: {},
  busy: {},
  problem: null,
  listOpen: false,
  setSales: (sales) => set({ sales, problem: null }),
  setAnswer: (id, answer) => set((s) => ({ answers: answer === null ? without(s.answers, id) : { ...s.answers, [id]: answer } })),
  setBusy: (id, busy) => set((s) => ({ busy: busy === null ? without(s.busy, id) : { ...s.busy, [id]: busy } })),
  setProblem: (problem) => set({ problem }),
  setListOpen: (listOpen) => set({ listOpen }),
}));

/** How many sales the badge counts: those still open, and those that ended and are not yet seen. */
export const selectParkedCount = (s: ParkedState): number => s.sales.open.length + s.sales.settled.length;
