import type { StateCreator, StoreApi } from 'zustand';
import type { ApiResult } from '../../../app/ipc/contract';
import type { ClosedDay, CsvFile, DayPeriod, DayReport } from '../../../app/ipc/history';
import type { PosApi } from '../../../app/ipc/pos-api';
import type { Told } from '../shared/told';
import type { DayAnswer } from './day-answer';

/**
 * The End-of-day panel's data: the open day's figures, the numbered reports kept so far, and what
 * the last command said. Filled only by the day-report actions below.
 */
export interface DayReportSlice {
  /** The open day, from the last report's end (or the first sale) up to now; null until it arrives. */
  readonly dayPreview: DayPeriod | null;
  /** Every closed day, as main keeps them. */
  readonly dayReports: readonly DayReport[];
  /** Kept as it came; the panel words it (day-answer.ts). */
  readonly dayAnswer: DayAnswer | null;
  readonly dayClosing: boolean;
  /** The question before closing is on screen, over the figures just read again. */
  readonly dayConfirming: boolean;
  /** Bumped each time the panel opens or closes: answers to an earlier opening are dropped. */
  readonly daySession: number;
  /** The latest read of the figures: an earlier one that answers late never replaces it. */
  readonly dayTurn: number;
  /** Back to an empty panel, as when it opens. */
  readonly resetDayReport: () => void;
  readonly requestDay: () => number;
  /** The open day and the kept reports, read together; the reports are kept as they were if they could not be read. */
  readonly receiveDay: (turn: number, open: ApiResult<DayPeriod>, kept: ApiResult<readonly DayReport[]>) => void;
  readonly setDayClosing: (closing: boolean) => void;
  readonly setDayConfirming: (confirming: boolean) => void;
  readonly setDayAnswer: (answer: DayAnswer | null) => void;
}

const EMPTY = { dayPreview: null, dayReports: [], dayAnswer: null, dayClosing: false, dayConfirming: false } as const;

export const createDayReportSlice: StateCreator<DayReportSlice, [], [], DayReportSlice> = (set, get) => ({
  ...EMPTY,
  daySession: 0,
  dayTurn: 0,
  resetDayReport: () => set((s) => ({ ...EMPTY, daySession: s.daySession + 1, dayTurn: s.dayTurn + 1 })),
  requestDay: () => {
    const turn = get().dayTurn + 1;
    set({ dayTurn: turn });
    return turn;
  },
  receiveDay: (turn, open, kept) => {
    if (turn !== get().dayTurn) return;
    if (!open.ok) return set({ dayAnswer: { kind: 'refused', problem: open.error } });
    set(kept.ok ? { dayPreview: open.value, dayReports: kept.value } : { dayPreview: open.value });
  },
  setDayClosing: (dayClosing) => set({ dayClosing }),
  setDayConfirming: (dayConfirming) => set({ dayConfirming }),
  setDayAnswer: (dayAnswer) => set({ dayAnswer }),
});

export type DayReportApi = Pick<PosApi, 'endOfDay' | 'listDayReports' | 'reprintDayReport' | 'exportDayReportCsv'> & {
  /** Through a manager's approval where main asks for one; null when the cashier went back from it. */
  readonly closeDay: () => Promise<ApiResult<ClosedDay> | null>;
};

/** What the End-of-day panel's controls do: each calls the API and puts the answer in the store. */
export function createDayReportActions(api: DayReportApi, store: StoreApi<DayReportSlice>, saveCsv: (file: CsvFile) => void) {
  const state = () => store.getState();
  const stillAsking = (session: number): boolean => state().daySession === session;

  /** Reads the open day and the reports again: whether this read is the one on screen, and what could not be read. */
  const refresh = async (): Promise<{ readonly current: boolean; readonly problem: Told | null }> => {
    const turn = state().requestDay();
    const [open, kept] = await Promise.all([api.endOfDay(), api.listDayReports()]);
    state().receiveDay(turn, open, kept);
    return { current: state().dayTurn === turn, problem: !open.ok ? open.error : !kept.ok ? kept.error : null };
  };

  return {
    /** The panel opens empty and reads the open day and the reports. */
    open: async (): Promise<void> => {
      state().resetDayReport();
      await refresh();
    },
    /** The panel closes: whatever is still on its way is dropped. */
    close: (): void => state().resetDayReport(),
    /**
     * "Close the day…": the figures and the reports are read again, so the question shows what will be
     * kept under which number, and only then asked. A read that fails says why and asks nothing.
     */
    askToCloseDay: async (): Promise<void> => {
      const { dayClosing, daySession: session } = state();
      if (dayClosing) return;
      state().setDayAnswer(null);
      const read = await refresh();
      if (!stillAsking(session) || !read.current) return;
      if (read.problem !== null) return state().setDayAnswer({ kind: 'not_closed', problem: read.problem });
      state().setDayConfirming(true);
    },
    /** Back from the question: nothing is closed. */
    backFromCloseDay: (): void => state().setDayConfirming(false),
    /**
     * The question's own button: closes the open day as the next numbered report, then reads the (now
     * empty) day and the reports again. Without the question on screen it closes nothing.
     */
    closeDay: async (): Promise<void> => {
      const { dayClosing, dayConfirming, daySession: session } = state();
      if (dayClosing || !dayConfirming) return;
      state().setDayClosing(true);
      const result = await api.closeDay();
      if (!stillAsking(session)) return;
      state().setDayClosing(false);
      state().setDayConfirming(false);
      if (result === null) return;
      if (!result.ok) return state().setDayAnswer({ kind: 'refused', problem: result.error });
      const { report, printError } = result.value;
      state().setDayAnswer({ kind: 'closed', number: report.number, printError: printError === null ? null : { message: printError } });
      await refresh();
    },
    reprint: async (number: number): Promise<void> => {
      const session = state().daySession;
      const result = await api.reprintDayReport({ number });
      if (stillAsking(session)) state().setDayAnswer(result.ok ? { kind: 'printed', report: result.value } : { kind: 'refused', problem: result.error });
    },
    /** The report's file: its column headers and values stay English in every cashier language, as data for accountants. */
    exportCsv: async (number: number): Promise<void> => {
      const session = state().daySession;
      const result = await api.exportDayReportCsv({ number });
      if (!stillAsking(session)) return;
      if (!result.ok) return state().setDayAnswer({ kind: 'refused', problem: result.error });
      saveCsv(result.value);
    },
  };
}

export type DayReportActions = ReturnType<typeof createDayReportActions>;
