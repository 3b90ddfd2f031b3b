import type { StateCreator, StoreApi } from 'zustand';
import type { ApiResult } from '../../../app/ipc/contract';
import type { PrintReport } from '../../../app/ipc/devices';
import type { CsvFile, PaymentDetail, PaymentPage } from '../../../app/ipc/history';
import type { StaffMember } from '../../../app/staff/staff';
import type { PosApi } from '../../../app/ipc/pos-api';
import type { Told } from '../shared/told';
import type { HistoryProblemWords } from '../words/history';
import { filterArgs, type FilterArgs, type HistoryFilterForm } from './history-filter';

/** Payments on one page of the History list. */
export const HISTORY_PAGE = 10;

/** How a panel's last command went, in the cashier's words. */
export interface PanelAnswer {
  readonly ok: boolean;
  readonly text: string;
  /** What only a technician needs (where a file was saved), shown folded under Details. */
  readonly details?: string;
}

/** A reprint's answer: the printer's own report, or why it was refused. */
export const printAnswer = (result: ApiResult<PrintReport>): PanelAnswer =>
  result.ok ? { ok: result.value.outcome !== 'failed', text: `${result.value.label}: ${result.value.message}` } : { ok: false, text: result.error.message };

/**
 * The History panel's data: the list as last searched, the payment open in it, and what the last
 * command said. Filled only by the history actions below; the panel reads it and calls them.
 */
export interface HistorySlice {
  /** The filter of the list on screen, as last searched; the form being typed stays in the panel. */
  readonly historyFilter: FilterArgs;
  readonly historyOffset: number;
  /** The page on screen; null until the first answer. */
  readonly historyPage: PaymentPage | null;
  /** The payment open in the panel; null shows the list. */
  readonly historyDetail: PaymentDetail | null;
  /** The open payment's last reprint (a refund's answer is the refund form's own). */
  readonly historyAnswer: PanelAnswer | null;
  /**
   * Why the last search, page, export or payment could not be shown: what the terminal told, kept whole
   * so the panel words it in the cashier's language; or the filter's own problem, already in its words.
   */
  readonly historyProblem: Told | null;
  /** The people listed, for the "who" filter; empty in a one-person shop, where the filter is not shown. */
  readonly historyStaff: readonly StaffMember[];
  /** Bumped each time the panel opens or closes: answers to an earlier opening are dropped. */
  readonly historySession: number;
  /** The latest page and detail requests: an answer to an earlier one that arrives late never replaces it. */
  readonly historyPageTurn: number;
  readonly historyDetailTurn: number;
  /** Back to an empty panel, as when it opens. */
  readonly resetHistory: () => void;
  /** Shows `filter` and `offset` at once and returns the request's turn, for `receiveHistoryPage`. */
  readonly requestHistoryPage: (filter: FilterArgs, offset: number) => number;
  readonly receiveHistoryPage: (turn: number, result: ApiResult<PaymentPage>) => void;
  readonly requestHistoryDetail: () => number;
  /** Opens the payment; the same payment again (a refresh) keeps its answer. */
  readonly receiveHistoryDetail: (turn: number, result: ApiResult<PaymentDetail>) => void;
  /** Back to the list; a detail still on its way is dropped. */
  readonly closeHistoryDetail: () => void;
  readonly setHistoryAnswer: (answer: PanelAnswer | null) => void;
  readonly setHistoryProblem: (problem: Told | null) => void;
  readonly setHistoryStaff: (staff: readonly StaffMember[]) => void;
}

const EMPTY_DETAIL = { historyDetail: null, historyAnswer: null } as const;
const EMPTY = { historyFilter: {}, historyOffset: 0, historyPage: null, historyProblem: null, historyStaff: [], ...EMPTY_DETAIL } as const;

export const createHistorySlice: StateCreator<HistorySlice, [], [], HistorySlice> = (set, get) => ({
  ...EMPTY,
  historySession: 0,
  historyPageTurn: 0,
  historyDetailTurn: 0,
  resetHistory: () =>
    set((s) => ({ ...EMPTY, historySession: s.historySession + 1, historyPageTurn: s.historyPageTurn + 1, historyDetailTurn: s.historyDetailTurn + 1 })),
  requestHistoryPage: (filter, offset) => {
    const turn = get().historyPageTurn + 1;
    set({ historyFilter: filter, historyOffset: offset, historyPageTurn: turn });
    return turn;
  },
  receiveHistoryPage: (turn, result) => {
    if (turn !== get().historyPageTurn) return;
    set(result.ok ? { historyPage: result.value, historyProblem: null } : { historyProblem: result.error });
  },
  requestHistoryDetail: () => {
    const turn = get().historyDetailTurn + 1;
    set({ historyDetailTurn: turn });
    return turn;
  },
  receiveHistoryDetail: (turn, result) => {
    if (turn !== get().historyDetailTurn) return;
    if (!result.ok) return set({ historyProblem: result.error });
    const same = get().historyDetail?.payment.id === result.value.payment.id;
    set(same ? { historyDetail: result.value } : { ...EMPTY_DETAIL, historyDetail: result.value });
  },
  closeHistoryDetail: () => set((s) => ({ ...EMPTY_DETAIL, historyDetailTurn: s.historyDetailTurn + 1 })),
  setHistoryAnswer: (historyAnswer) => set({ historyAnswer }),
  setHistoryProblem: (historyProblem) => set({ historyProblem }),
  setHistoryStaff: (historyStaff) => set({ historyStaff }),
});

export type HistoryApi = Pick<PosApi, 'listPayments' | 'paymentDetail' | 'exportPaymentsCsv' | 'printSlip' | 'getStaff'>;

/**
 * What the History panel's controls do: each calls the API and puts the answer in the store, so
 * they answer the panel, not the sale's error line. `saveCsv` hands an export to the browser.
 */
export function createHistoryActions(api: HistoryApi, store: StoreApi<HistorySlice>, saveCsv: (file: CsvFile) => void) {
  const state = () => store.getState();
  /** Whether the panel is still the one that asked (and still shows `paymentId`, when given). */
  const stillAsking = (session: number, paymentId?: string): boolean =>
    state().historySession === session && (paymentId === undefined || state().historyDetail?.payment.id === paymentId);

  const loadPage = async (filter: FilterArgs, offset: number): Promise<void> => {
    const turn = state().requestHistoryPage(filter, offset);
    const result = await api.listPayments({ ...filter, offset, limit: HISTORY_PAGE });
    state().receiveHistoryPage(turn, result);
  };
  const loadDetail = async (paymentId: string): Promise<void> => {
    const turn = state().requestHistoryDetail();
    state().receiveHistoryDetail(turn, await api.paymentDetail({ paymentId }));
  };

  return {
    /** The panel opens empty and shows the newest payments, and reads who is listed for its "who" filter. */
    open: async (): Promise<void> => {
      state().resetHistory();
      const session = state().historySession;
      const [staff] = await Promise.all([api.getStaff(), loadPage({}, 0)]);
      // Unreadable, the filter is left out: the list itself still shows everyone's sales.
      if (staff.ok && stillAsking(session)) state().setHistoryStaff(staff.value.members);
    },
    /** The panel closes: whatever is still on its way is dropped. */
    close: (): void => state().resetHistory(),
    /** Searches with the form as typed, from the first page; a form that does not read says what to fix, in `words`. */
    search: async (form: HistoryFilterForm, words: HistoryProblemWords): Promise<void> => {
      const args = filterArgs(form, words);
      if (!args.ok) return state().setHistoryProblem({ message: args.error });
      await loadPage(args.value, 0);
    },
    /** Newer: back a page. */
    newer: (): Promise<void> => loadPage(state().historyFilter, Math.max(0, state().historyOffset - HISTORY_PAGE)),
    /** Older: on a page. */
    older: (): Promise<void> => loadPage(state().historyFilter, state().historyOffset + HISTORY_PAGE),
    openPayment: (paymentId: string): Promise<void> => loadDetail(paymentId),
    backToList: (): void => state().closeHistoryDetail(),
    /**
     * Exports everything the list's filter finds, not just the page on screen. The file's column headers
     * and values stay English whatever the cashier's language: it is data for spreadsheets and accountants.
     */
    exportCsv: async (): Promise<void> => {
      const session = state().historySession;
      const result = await api.exportPaymentsCsv(state().historyFilter);
      if (!stillAsking(session)) return;
      if (!result.ok) return state().setHistoryProblem(result.error);
      saveCsv(result.value);
    },
    reprintReceipt: async (): Promise<void> => {
      const { historyDetail: detail, historySession: session } = state();
      if (detail === null) return;
      const result = await api.printSlip({ paymentId: detail.payment.id, slip: 'receipt' });
      if (stillAsking(session, detail.payment.id)) state().setHistoryAnswer(printAnswer(result));
    },
    /** After a refund made in the open payment (by the refund form): it and the list are read again, while it is still open. */
    refreshAfterRefund: async (paymentId: string): Promise<void> => {
      if (!stillAsking(state().historySession, paymentId)) return;
      await Promise.all([loadDetail(paymentId), loadPage(state().historyFilter, state().historyOffset)]);
    },
  };
}

export type HistoryActions = ReturnType<typeof createHistoryActions>;
