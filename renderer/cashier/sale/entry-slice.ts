import type { StateCreator } from 'zustand';
import type { TerminalInfo } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import { emptyEntry, pressKey, withCurrency, type EntryKey, type KeyedEntry } from '../../../app/money/keyed-entry';
import type { MethodId } from '../../../app/payment/method';
import { defaultCurrency, pickMethod, terminalCurrencies } from '../shared/sale-choices';

export type CashierCommand = 'charge' | 'cancel' | 'dismiss' | 'demoSimulate' | 'print';

/** What the cashier is keying in for this sale, and the outcome of the last command sent. */
export interface EntrySlice {
  readonly entry: KeyedEntry;
  readonly method: MethodId | null;
  readonly orderRef: string;
  /** An Orangepill direct request's payer, e.g. "@alice"; sent only when not blank. */
  readonly payerAlias: string;
  /** The failure code the demo's "Simulate failed" sends; null means the simulator's first. */
  readonly failureCode: string | null;
  /** The last rejection, verbatim from the API (or the keypad). */
  readonly error: string | null;
  /** The command in flight, so its button can wait. */
  readonly pending: CashierCommand | null;
  /** A final payment the cashier has dismissed; hidden at once so keys typed before the host confirms are kept. */
  readonly dismissedId: string | null;
  readonly press: (key: EntryKey) => void;
  readonly chooseCurrency: (terminal: TerminalInfo, code: CurrencyCode) => void;
  readonly chooseMethod: (method: MethodId) => void;
  readonly setOrderRef: (orderRef: string) => void;
  readonly setPayerAlias: (payerAlias: string) => void;
  readonly setFailureCode: (failureCode: string) => void;
  readonly setError: (error: string | null) => void;
  readonly setPending: (pending: CashierCommand | null) => void;
  readonly setDismissed: (paymentId: string | null) => void;
  readonly resetEntry: () => void;
  /** Fits currency and method to the terminal's (new) list; `keepChoice` is false on first sight. */
  readonly adoptTerminal: (terminal: TerminalInfo, keepChoice: boolean) => void;
}

// Replaced by the terminal's default currency as soon as the first snapshot arrives.
const PLACEHOLDER_CURRENCY: CurrencyCode = 'SGD';

export const createEntrySlice: StateCreator<EntrySlice> = (set, get) => ({
  entry: emptyEntry(PLACEHOLDER_CURRENCY),
  method: null,
  orderRef: '',
  payerAlias: '',
  failureCode: null,
  error: null,
  pending: null,
  dismissedId: null,
  press: (key) => {
    const outcome = pressKey(get().entry, key);
    set(outcome.accepted ? { entry: outcome.entry, error: null } : { error: outcome.reason });
  },
  chooseCurrency: (terminal, code) =>
    set((s) => ({ entry: withCurrency(s.entry, code), method: pickMethod(terminal, code, s.method), error: null })),
  chooseMethod: (method) => set({ method, error: null }),
  setOrderRef: (orderRef) => set({ orderRef }),
  setPayerAlias: (payerAlias) => set({ payerAlias }),
  setFailureCode: (failureCode) => set({ failureCode }),
  setError: (error) => set({ error }),
  setPending: (pending) => set({ pending }),
  setDismissed: (dismissedId) => set({ dismissedId }),
  resetEntry: () =>
    set((s) => ({ entry: emptyEntry(s.entry.currency), orderRef: '', payerAlias: '', failureCode: null, error: null })),
  adoptTerminal: (terminal, keepChoice) =>
    set((s) => {
      const keep = keepChoice && terminalCurrencies(terminal).includes(s.entry.currency);
      const code = keep ? s.entry.currency : defaultCurrency(terminal);
      if (code === null) return { method: null };
      return { entry: withCurrency(s.entry, code), method: pickMethod(terminal, code, s.method) };
    }),
});
