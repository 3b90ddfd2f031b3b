import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiResult } from '../../app/ipc/contract';
import type { PrintReport } from '../../app/ipc/devices';
import type { ClosedDay, CsvFile, DayPeriod, DayReport, DayTotals } from '../../app/ipc/history';
import { createDayReportActions, createDayReportSlice, type DayReportActions, type DayReportApi, type DayReportSlice } from '../../renderer/cashier/end-of-day/day-report-slice';
import { dayAnswerText } from '../../renderer/cashier/end-of-day/day-answer';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { deferred, type Deferred } from '../support/engine-harness';

const T = 1_750_000_000_000;
const HOUR = 3_600_000;
type Language = keyof typeof CASHIER_WORDS;

/** The panel's answer line as the cashier reads it in `language`; null when there is none. */
function shown(language: Language = 'en'): { ok: boolean; text: string } | null {
  const answer = store.getState().dayAnswer;
  const words = CASHIER_WORDS[language];
  return answer === null ? null : dayAnswerText(answer, words.endOfDay.closeWords, (told) => toldText(told, words, saidFormat(null)));
}

const totals: DayTotals = { method: 'demo', currency: 'SGD', paid: { count: 1, minor: 1234 }, refunded: { count: 0, minor: 0 }, net: 1234, failed: 1, expired: 0, cancelled: 0 };
const openDay = (from: number, rows: DayTotals[] = [totals]): DayPeriod => ({ from, to: from + HOUR, totals: rows });
const report = (number: number): DayReport => ({ number, from: T, to: T + HOUR, createdAt: T + HOUR, totals: [totals] });
const printed = (label: string, outcome: PrintReport['outcome'], message: string): PrintReport => ({
  jobId: 'job-1',
  label,
  paymentId: null,
  slip: null,
  outcome,
  message,
  at: T,
  preview: [],
  image: null,
});
const good = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const bad = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'internal', message } });

type Reply<T> = ApiResult<T> | Deferred<ApiResult<T>>;
const answer = <T>(reply: Reply<T>): Promise<ApiResult<T>> => ('promise' in reply ? reply.promise : Promise.resolve(reply));

/** End of day as the panel uses it: replies are set per test, and every call is counted. */
class FakeDayApi implements DayReportApi {
  readonly calls: string[] = [];
  readonly opens: Reply<DayPeriod>[] = [];
  kept: ApiResult<readonly DayReport[]> = good([]);
  closed: Reply<ClosedDay> = good({ report: report(1), print: null, printError: null });
  reprinted: ApiResult<PrintReport> = good(printed('End of day report 1', 'printed', 'Printed'));
  csv: ApiResult<CsvFile> = good({ filename: 'day-report-1.csv', csv: 'report\r\n' });

  readonly endOfDay = () => {
    this.calls.push('endOfDay');
    return answer(this.opens.shift() ?? good(openDay(T)));
  };
  readonly listDayReports = () => {
    this.calls.push('listDayReports');
    return answer(this.kept);
  };
  readonly closeDay = () => {
    this.calls.push('closeDay');
    return answer(this.closed);
  };
  readonly reprintDayReport = ({ number }: { number: number }) => {
    this.calls.push(`reprintDayReport ${number}`);
    return answer(this.reprinted);
  };
  readonly exportDayReportCsv = ({ number }: { number: number }) => {
    this.calls.push(`exportDayReportCsv ${number}`);
    return answer(this.csv);
  };
}

let api: FakeDayApi;
let store: StoreApi<DayReportSlice>;
let saved: CsvFile[];
let day: DayReportActions;
const state = () => store.getState();

beforeEach(() => {
  api = new FakeDayApi();
  store = createStore<DayReportSlice>()(createDayReportSlice);
  saved = [];
  day = createDayReportActions(api, store, (file) => saved.push(file));
});

describe('the day-report slice', () => {
  it('opens on the open day and the reports kept so far', async () => {
    api.kept = good([report(1)]);
    await day.open();
    expect(state()).toMatchObject({ dayPreview: openDay(T), dayReports: [report(1)], dayAnswer: null, dayClosing: false });
  });

  it("says why the open day cannot be read, and keeps the reports when only they cannot", async () => {
    api.opens.push(bad('The journal cannot be read'));
    await day.open();
    expect(state()).toMatchObject({ dayPreview: null });
    expect(shown()).toEqual({ ok: false, text: 'The journal cannot be read' });

    api.kept = good([report(1)]);
    await day.open();
    api.kept = bad('The reports cannot be read');
    api.opens.push(good(openDay(T + HOUR, [])));
    await day.askToCloseDay();
    expect(state().dayPreview).toEqual(openDay(T + HOUR, []));
    expect(state().dayReports).toEqual([report(1)]);
    // Without the reports the next number is unknown: nothing is asked, and the panel says why.
    expect(state()).toMatchObject({ dayConfirming: false });
    expect(shown()).toEqual({ ok: false, text: 'The day was not closed: The reports cannot be read' });
    expect(api.calls).not.toContain('closeDay');
  });

  it('closes nothing until the question is on screen, and nothing when the cashier goes back', async () => {
    await day.open();
    await day.closeDay();
    expect(api.calls).not.toContain('closeDay');

    // The question is asked over figures read again, so it shows what the report will keep.
    api.opens.push(good(openDay(T, [totals, { ...totals, method: 'atome' }])));
    await day.askToCloseDay();
    expect(state()).toMatchObject({ dayConfirming: true, dayPreview: openDay(T, [totals, { ...totals, method: 'atome' }]) });
    expect(api.calls).toEqual(['endOfDay', 'listDayReports', 'endOfDay', 'listDayReports']);
    day.backFromCloseDay();
    expect(state().dayConfirming).toBe(false);
    await day.closeDay();
    expect(api.calls).not.toContain('closeDay');
  });

  it('asks nothing when the open day cannot be read', async () => {
    await day.open();
    api.opens.push(bad('The journal cannot be read'));
    await day.askToCloseDay();
    expect(state()).toMatchObject({ dayConfirming: false });
    expect(shown()).toEqual({ ok: false, text: 'The day was not closed: The journal cannot be read' });
  });

  it('closes the day as the next report, then reads the emptied day and the reports again', async () => {
    await day.open();
    await day.askToCloseDay();
    const reply = deferred<ApiResult<ClosedDay>>();
    api.closed = reply;
    const closing = day.closeDay();
    expect(state().dayClosing).toBe(true);
    // A second press while it is on its way closes nothing more.
    await day.closeDay();
    expect(api.calls.filter((c) => c === 'closeDay')).toHaveLength(1);

    api.opens.push(good(openDay(T + HOUR, [])));
    api.kept = good([report(1)]);
    reply.resolve(good({ report: report(1), print: null, printError: null }));
    await closing;
    expect(state()).toMatchObject({
      dayClosing: false,
      dayConfirming: false,
      dayPreview: openDay(T + HOUR, []),
      dayReports: [report(1)],
    });
    expect(shown()).toEqual({ ok: true, text: 'Day closed: report no. 1 is kept and printed' });
  });

  it('says when a closed day was kept but not printed, and when it was not closed', async () => {
    await day.open();
    api.closed = good({ report: report(2), print: null, printError: 'The printer is out of paper' });
    await day.askToCloseDay();
    await day.closeDay();
    expect(shown()).toEqual({ ok: false, text: 'Day closed: report no. 2 is kept, but not printed (The printer is out of paper); reprint it below' });
    api.closed = bad('A sale is still in progress');
    await day.askToCloseDay();
    await day.closeDay();
    expect(state()).toMatchObject({ dayClosing: false, dayConfirming: false });
    expect(shown()).toEqual({ ok: false, text: 'A sale is still in progress' });
  });

  it("says the answers in the cashier's language, and the printer's or terminal's own sentence as it is", async () => {
    await day.open();
    api.closed = good({ report: report(2), print: null, printError: 'The printer is out of paper' });
    await day.askToCloseDay();
    await day.closeDay();
    expect(shown('ms')).toEqual({ ok: false, text: 'Hari ditutup: laporan no. 2 disimpan, tetapi tidak dicetak (The printer is out of paper); cetak semula di bawah' });
    api.closed = good({ report: report(3), print: null, printError: null });
    await day.askToCloseDay();
    await day.closeDay();
    expect(shown('zh-Hans')).toEqual({ ok: true, text: '日结完成：第 3 号报告已保存并打印' });
    api.opens.push(bad('The journal cannot be read'));
    await day.askToCloseDay();
    expect(shown('zh-Hans')).toEqual({ ok: false, text: '未能日结：The journal cannot be read' });
    // The terminal's refusal that comes with a Said is worded in the language on screen when shown.
    api.closed = {
      ok: false,
      error: {
        code: 'invalid_state',
        message: 'A sale is still in progress: finish or cancel it before closing the day, so it is counted',
        said: { area: 'records', kind: 'day_sales_open', count: 1 },
      },
    };
    await day.askToCloseDay();
    await day.closeDay();
    expect(shown('ms')).toEqual({ ok: false, text: 'Satu jualan masih berjalan: selesaikan atau batalkannya dahulu sebelum menutup hari, supaya ia dikira' });
    expect(shown('zh-Hans')).toEqual({ ok: false, text: '还有一笔销售正在进行：请先完成或取消，再进行日结，以便计入报告' });
    expect(shown('en')).toEqual({ ok: false, text: 'A sale is still in progress: finish or cancel it before closing the day, so it is counted' });
  });

  it('ignores a read of the day that answers after a newer one', async () => {
    const slow = deferred<ApiResult<DayPeriod>>();
    api.opens.push(slow);
    const opening = day.open();
    api.opens.push(good(openDay(T + HOUR, [])));
    await day.askToCloseDay();
    slow.resolve(good(openDay(T)));
    await opening;
    expect(state().dayPreview).toEqual(openDay(T + HOUR, []));
    expect(state().dayConfirming).toBe(true);
  });

  it('reprints and exports a kept report', async () => {
    await day.open();
    await day.reprint(1);
    expect(shown()).toEqual({ ok: true, text: 'End of day report 1: Printed' });
    api.reprinted = good(printed('End of day report 1', 'failed', 'Out of paper'));
    await day.reprint(1);
    expect(shown()).toEqual({ ok: false, text: 'End of day report 1: Out of paper' });

    await day.exportCsv(1);
    expect(saved).toEqual([{ filename: 'day-report-1.csv', csv: 'report\r\n' }]);
    api.csv = bad('There is no day report 7');
    await day.exportCsv(7);
    expect(shown()).toEqual({ ok: false, text: 'There is no day report 7' });
    expect(api.calls.filter((c) => c.startsWith('exportDayReportCsv'))).toEqual(['exportDayReportCsv 1', 'exportDayReportCsv 7']);
  });

  it('closes empty, and drops whatever answers after it closed', async () => {
    api.kept = good([report(1)]);
    await day.open();
    await day.askToCloseDay();
    const reply = deferred<ApiResult<ClosedDay>>();
    api.closed = reply;
    const closing = day.closeDay();
    day.close();
    expect(state()).toMatchObject({ dayPreview: null, dayReports: [], dayAnswer: null, dayClosing: false, dayConfirming: false });
    reply.resolve(good({ report: report(2), print: null, printError: null }));
    await closing;
    expect(state().dayAnswer).toBeNull();
    expect(api.calls.filter((c) => c === 'endOfDay')).toHaveLength(2);
  });
});
