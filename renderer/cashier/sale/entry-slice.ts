import type { StateCreator } from 'zustand';
import type { TerminalInfo } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import { emptyEntry, hasKeyed, pressKey, type EntryKey, type KeyedEntry } from '../../../app/money/keyed-entry';
import { pasteAmount, type PasteRefusal } from '../../../app/money/pasted-amount';
import type { MethodId } from '../../../app/payment/method';
import type { Told } from '../shared/told';
import { defaultCurrency, methodsFor, pickMethod, terminalCurrencies } from '../shared/sale-choices';

export type CashierCommand = 'charge' | 'cancel' | 'dismiss' | 'demoSimulate' | 'print';

/** A refusal the screen words itself (sale-words.ts): a key's, a paste's, or Charge with no method chosen. */
export type SaleRefusal = PasteRefusal | { readonly kind: 'no_method'; readonly currency: CurrencyCode };

/** What the error line says: what the terminal told (worded when it came as a `Said`), or a refusal the screen words. */
export type SaleError = Told | SaleRefusal;

/** One thing a choice did that the cashier did not key; the screen words them (sale-words.ts). */
export type EntryNote =
  | { readonly kind: 'amount_cleared'; readonly currency: CurrencyCode }
  /** `method` is the method's name as the terminal gives it. */
  | { readonly kind: 'method_refuses'; readonly method: MethodId; readonly currency: CurrencyCode }
  | { readonly kind: 'method_gone' };

/** What the cashier is keying in for this sale, and the outcome of the last command sent. */
export interface EntrySlice {
  readonly entry: KeyedEntry;
  readonly method: MethodId | null;
  readonly orderRef: string;
  /** An Orangepill direct request's payer, e.g. "@alice"; sent only when not blank. */
  readonly payerAlias: string;
  /** The failure code the demo's "Simulate failed" sends; null means the simulator's first. */
  readonly failureCode: string | null;
  /** The last rejection: verbatim from the API, or the keypad's (or Charge's) own refusal. */
  readonly error: SaleError | null;
  /** What a choice did that the cashier did not key: the amount cleared, the method to choose again. */
  readonly notice: readonly EntryNote[] | null;
  /** The command in flight, so its button can wait. */
  readonly pending: CashierCommand | null;
  /** A final payment the cashier has dismissed; hidden at once so keys typed before the host confirms are kept. */
  readonly dismissedId: string | null;
  readonly press: (key: EntryKey) => void;
  /** A pasted amount replaces the entry, or is refused on the error line with the entry kept. */
  readonly paste: (text: string) => void;
  /** Puts a finished sale's amount and method back, to charge it again. */
  readonly restoreSale: (entry: KeyedEntry, method: MethodId, orderRef: string) => void;
  readonly chooseCurrency: (terminal: TerminalInfo, code: CurrencyCode) => void;
  readonly chooseMethod: (method: MethodId) => void;
  readonly setOrderRef: (orderRef: string) => void;
  readonly setPayerAlias: (payerAlias: string) => void;
  readonly setFailureCode: (failureCode: string) => void;
  readonly setError: (error: SaleError | null) => void;
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
  notice: null,
  pending: null,
  dismissedId: null,
  press: (key) => {
    const outcome = pressKey(get().entry, key);
    set(outcome.accepted ? { entry: outcome.entry, error: null, notice: null } : { error: outcome.reason });
  },
  paste: (text) => {
    const outcome = pasteAmount(get().entry, text);
    set(outcome.accepted ? { entry: outcome.entry, error: null, notice: null } : { error: outcome.reason });
  },
  restoreSale: (entry, method, orderRef) => set({ entry, method, orderRef, error: null, notice: null }),
  chooseCurrency: (terminal, code) => set((s) => ({ ...switchCurrency(terminal, s, code), error: null })),
  chooseMethod: (method) => set({ method, error: null, notice: null }),
  setOrderRef: (orderRef) => set({ orderRef }),
  setPayerAlias: (payerAlias) => set({ payerAlias }),
  setFailureCode: (failureCode) => set({ failureCode }),
  setError: (error) => set({ error }),
  setPending: (pending) => set({ pending }),
  setDismissed: (dismissedId) => set({ dismissedId }),
  resetEntry: () =>
    set((s) => ({ entry: emptyEntry(s.entry.currency, s.entry.mode), orderRef: '', payerAlias: '', failureCode: null, error: null, notice: null })),
  adoptTerminal: (terminal, keepChoice) =>
    set((s) => {
      const keep = keepChoice && terminalCurrencies(terminal).includes(s.entry.currency);
      const code = keep ? s.entry.currency : defaultCurrency(terminal);
      if (code === null) return { method: null };
      // Digits keyed in one mode mean another amount in the other: they go, as on a currency change.
      const entry = s.entry.mode === terminal.entryMode ? s.entry : emptyEntry(s.entry.currency, terminal.entryMode);
      if (!keepChoice) return { entry: emptyEntry(code, terminal.entryMode), method: pickMethod(terminal, code, null) };
      const switched = switchCurrency(terminal, { ...s, entry }, code);
      const offered = switched.method === null || methodsFor(terminal, code).some((m) => m.id === switched.method);
      return offered ? switched : { ...switched, method: null, notice: [{ kind: 'method_gone' }] };
    }),
});

/**
 * A currency change. Keyed digits are cleared, never carried over (KWD 1.234 must not become
 * JPY 1,234), and a method that does not take the new currency is not swapped for another behind
 * the cashier's back: the choice is emptied and the notice asks for one.
 */
function switchCurrency(
  terminal: TerminalInfo,
  s: Pick<EntrySlice, 'entry' | 'method' | 'notice'>,
  code: CurrencyCode,
): Pick<EntrySlice, 'entry' | 'method' | 'notice'> {
  if (code === s.entry.currency) return { entry: s.entry, method: s.method, notice: s.notice };
  const entry = emptyEntry(code, s.entry.mode);
  const notes: EntryNote[] = [];
  if (hasKeyed(s.entry)) notes.push({ kind: 'amount_cleared', currency: code });
  const keepsMethod = s.method === null || methodsFor(terminal, code).some((m) => m.id === s.method);
  if (s.method !== null && !keepsMethod) notes.push({ kind: 'method_refuses', method: s.method, currency: code });
  return { entry, method: keepsMethod ? s.method : null, notice: notes.length === 0 ? null : notes };
}
