import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiResult, CommandArgs } from '../../app/ipc/contract';
import type { PrintReport } from '../../app/ipc/devices';
import type { CsvFile, PaymentDetail, PaymentPage } from '../../app/ipc/history';
import type { StaffView } from '../../app/ipc/staff-schemas';
import type { Payment } from '../../app/payment/payment';
import { emptyFilter } from '../../renderer/cashier/history/history-filter';
import { createHistoryActions, createHistorySlice, type HistoryActions, type HistoryApi, type HistorySlice } from '../../renderer/cashier/history/history-slice';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { deferred, settle, type Deferred } from '../support/engine-harness';
import { aPayment } from '../support/payment-fixture';

const T = 1_750_000_000_000;
const PROBLEMS = CASHIER_WORDS.en.history.problems;

const payment = (id: string, minor: number, refundedMinor = 0): Payment => aPayment({
  id,
  amount: { minor, currency: 'SGD' },
  method: 'atome',
  providerRef: `chrg_${id}`,
  createdAt: T,
  updatedAt: T,
  state: { status: 'paid', paidAt: T },
  refundedMinor,
});

const pageOf = (...payments: Payment[]): PaymentPage => ({ payments, total: payments.length, unreadable: 0 });
const detailOf = (p: Payment): PaymentDetail => ({ payment: p, timeline: [], audit: [], refunds: [], providerIds: [{ label: 'Reference', value: p.id }] });
const good = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const bad = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'provider_error', message } });

type Reply<T> = ApiResult<T> | Deferred<ApiResult<T>>;

/** The API as History uses it: every call is recorded, and answered by the next reply queued for it (or a default). */
class FakeHistoryApi implements HistoryApi {
  readonly calls: { command: string; args: unknown }[] = [];
  readonly pages: Reply<PaymentPage>[] = [];
  readonly details: Reply<PaymentDetail>[] = [];
  csvReply: ApiResult<CsvFile> = good({ filename: 'payments.csv', csv: 'id\r\n' });
  printReply: ApiResult<PrintReport> = bad('No printer is set up');
  staffReply: ApiResult<StaffView> = good({ members: [], protected: false, refundApproval: { mode: 'all' }, signedIn: null, warning: null });

  private answer<T>(command: string, args: unknown, reply: Reply<T>): Promise<ApiResult<T>> {
    this.calls.push({ command, args });
    return 'promise' in reply ? reply.promise : Promise.resolve(reply);
  }
  readonly listPayments = (args: CommandArgs<'listPayments'>) => this.answer('listPayments', args, this.pages.shift() ?? good(pageOf()));
  readonly paymentDetail = (args: CommandArgs<'paymentDetail'>) => this.answer('paymentDetail', args, this.details.shift() ?? bad(`No payment ${args.paymentId}`));
  readonly exportPaymentsCsv = (args: CommandArgs<'exportPaymentsCsv'>) => this.answer('exportPaymentsCsv', args, this.csvReply);
  readonly printSlip = (args: CommandArgs<'printSlip'>) => this.answer('printSlip', args, this.printReply);
  readonly getStaff = () => this.answer('getStaff', {}, this.staffReply);

  called(command: string): unknown[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.args);
  }
}

let api: FakeHistoryApi;
let store: StoreApi<HistorySlice>;
let saved: CsvFile[];
let history: HistoryActions;
const state = () => store.getState();

beforeEach(() => {
  api = new FakeHistoryApi();
  store = createStore<HistorySlice>()(createHistorySlice);
  saved = [];
  history = createHistoryActions(api, store, (file) => saved.push(file));
});

describe('the history slice', () => {
  it('opens on the newest page, unfiltered', async () => {
    api.pages.push(good(pageOf(payment('a', 2000), payment('b', 1234))));
    await history.open();
    expect(api.called('listPayments')).toEqual([{ offset: 0, limit: 10 }]);
    expect(state().historyPage?.payments.map((p) => p.id)).toEqual(['a', 'b']);
    expect(state()).toMatchObject({ historyFilter: {}, historyOffset: 0, historyProblem: null, historyDetail: null, historyStaff: [] });
  });

  it('reads who is listed for the "sold by" filter, and searches by that person', async () => {
    const mei = { id: 'mei', name: 'Mei', role: 'manager' as const };
    const ali = { id: 'ali', name: 'Ali', role: 'cashier' as const };
    api.staffReply = good({ members: [mei, ali], protected: true, refundApproval: { mode: 'all' }, signedIn: mei, warning: null });
    await history.open();
    expect(state().historyStaff).toEqual([mei, ali]);
    await history.search({ ...emptyFilter('SGD', 'en-SG'), operator: 'ali' }, PROBLEMS);
    expect(api.called('listPayments').at(-1)).toEqual({ operator: 'ali', offset: 0, limit: 10 });
    await history.exportCsv();
    expect(api.called('exportPaymentsCsv')).toEqual([{ operator: 'ali' }]);
  });

  it('leaves the "sold by" filter out when the staff list cannot be read', async () => {
    api.staffReply = bad('The staff list cannot be read');
    await history.open();
    expect(state()).toMatchObject({ historyStaff: [], historyProblem: null });
  });

  it('fetches with a changed filter from the first page, and replaces the page', async () => {
    api.pages.push(good({ ...pageOf(payment('a', 2000)), total: 25 }));
    await history.open();
    await history.older();
    expect(state().historyOffset).toBe(10);

    api.pages.push(good(pageOf(payment('f', 500))));
    await history.search({ ...emptyFilter('SGD', 'en-SG'), status: 'failed', min: '1' }, PROBLEMS);
    expect(api.called('listPayments').at(-1)).toEqual({ status: ['failed'], min: { minor: 100, currency: 'SGD' }, offset: 0, limit: 10 });
    expect(state().historyFilter).toEqual({ status: ['failed'], min: { minor: 100, currency: 'SGD' } });
    expect(state().historyOffset).toBe(0);
    expect(state().historyPage).toEqual(pageOf(payment('f', 500)));

    // Paging keeps the filter searched.
    await history.older();
    expect(api.called('listPayments').at(-1)).toEqual({ status: ['failed'], min: { minor: 100, currency: 'SGD' }, offset: 10, limit: 10 });
    await history.newer();
    expect(api.called('listPayments').at(-1)).toMatchObject({ offset: 0 });
  });

  it('ignores an answer to an earlier search that arrives after the newer one', async () => {
    await history.open();
    const slow = deferred<ApiResult<PaymentPage>>();
    const fast = deferred<ApiResult<PaymentPage>>();
    api.pages.push(slow, fast);
    const first = history.search({ ...emptyFilter('SGD', 'en-SG'), method: 'demo' }, PROBLEMS);
    const second = history.search({ ...emptyFilter('SGD', 'en-SG'), method: 'atome' }, PROBLEMS);
    // The newer filter is on screen at once, before either answer.
    expect(state().historyFilter).toEqual({ method: ['atome'] });
    fast.resolve(good(pageOf(payment('atome-1', 2000))));
    await second;
    slow.resolve(good(pageOf(payment('demo-1', 1234))));
    await first;
    expect(state().historyPage?.payments.map((p) => p.id)).toEqual(['atome-1']);

    // A late failure of an earlier search does not show its problem either.
    const late = deferred<ApiResult<PaymentPage>>();
    api.pages.push(late, good(pageOf()));
    const stale = history.older();
    await history.newer();
    late.resolve(bad('The journal is busy'));
    await stale;
    expect(state().historyProblem).toBeNull();
    expect(state().historyPage).toEqual(pageOf());
  });

  it('says what went wrong, keeps the page on screen, and clears the message once a search works', async () => {
    api.pages.push(good(pageOf(payment('a', 2000))));
    await history.open();
    api.pages.push(bad('The terminal is not reachable'));
    await history.search(emptyFilter('SGD', 'en-SG'), PROBLEMS);
    expect(state().historyProblem?.message).toBe('The terminal is not reachable');
    expect(state().historyPage).toEqual(pageOf(payment('a', 2000)));

    // A form that does not read is not sent.
    const sent = api.called('listPayments').length;
    await history.search({ ...emptyFilter('SGD', 'en-SG'), max: '1.234' }, PROBLEMS);
    expect(state().historyProblem?.message).toBe('Highest amount: SGD has 2 decimal places, "1.234" has 3');
    expect(api.called('listPayments')).toHaveLength(sent);

    await history.search(emptyFilter('SGD', 'en-SG'), PROBLEMS);
    expect(state().historyProblem).toBeNull();
  });

  it("says what to fix in the words it is given: the cashier's language", async () => {
    await history.open();
    await history.search({ ...emptyFilter('SGD', 'en-SG'), min: '10', max: '5' }, CASHIER_WORDS.ms.history.problems);
    expect(state().historyProblem?.message).toBe('Jumlah tertinggi lebih rendah daripada jumlah terendah');
    await history.search({ ...emptyFilter('SGD', 'en-SG'), min: '10', max: '5' }, CASHIER_WORDS['zh-Hans'].history.problems);
    expect(state().historyProblem?.message).toBe('最高金额低于最低金额');
  });

  it("keeps the terminal's refusal whole, so the panel words it in the cashier's language", async () => {
    await history.open();
    const said = { area: 'records', kind: 'payment_not_in_journal', paymentId: 'gone' } as const;
    api.details.push({ ok: false, error: { code: 'not_found', message: 'No payment gone in the journal', said } });
    await history.openPayment('gone');
    const problem = state().historyProblem;
    expect(problem).toMatchObject({ message: 'No payment gone in the journal', said });
    expect(problem === null ? null : toldText(problem, CASHIER_WORDS.ms, saidFormat(null))).toBe('Bayaran gone tiada dalam jurnal');
    expect(problem === null ? null : toldText(problem, CASHIER_WORDS['zh-Hans'], saidFormat(null))).toBe('日志中没有付款 gone');
  });

  it('opens a payment, and goes back to the list; a payment that cannot be read says why', async () => {
    await history.open();
    api.details.push(good(detailOf(payment('a', 2000))));
    await history.openPayment('a');
    expect(api.called('paymentDetail')).toEqual([{ paymentId: 'a' }]);
    expect(state().historyDetail?.payment.id).toBe('a');
    history.backToList();
    expect(state().historyDetail).toBeNull();

    await history.openPayment('gone');
    expect(state().historyDetail).toBeNull();
    expect(state().historyProblem?.message).toBe('No payment gone');

    // A detail still on its way when the cashier goes back does not open over the list.
    const slow = deferred<ApiResult<PaymentDetail>>();
    api.details.push(slow);
    const opening = history.openPayment('a');
    history.backToList();
    slow.resolve(good(detailOf(payment('a', 2000))));
    await opening;
    expect(state().historyDetail).toBeNull();
  });

  it('after a refund in the open payment, reads it and the list again, keeping the page and the answer', async () => {
    api.pages.push(good({ ...pageOf(payment('a', 2000)), total: 25 }));
    await history.open();
    await history.older();
    api.details.push(good(detailOf(payment('a', 2000))));
    await history.openPayment('a');
    await history.reprintReceipt();

    api.details.push(good(detailOf(payment('a', 2000, 500))));
    api.pages.push(good(pageOf(payment('a', 2000, 500))));
    await history.refreshAfterRefund('a');
    expect(api.called('paymentDetail')).toEqual([{ paymentId: 'a' }, { paymentId: 'a' }]);
    expect(api.called('listPayments').at(-1)).toEqual({ offset: 10, limit: 10 });
    expect(state().historyDetail?.payment.refundedMinor).toBe(500);
    expect(state().historyPage?.payments[0]?.refundedMinor).toBe(500);
    expect(state().historyAnswer).toEqual({ ok: false, text: 'No printer is set up' });
  });

  it('reads nothing again for a refund of a payment no longer open', async () => {
    await history.open();
    api.details.push(good(detailOf(payment('a', 2000))));
    await history.openPayment('a');
    history.backToList();
    const reads = api.calls.length;
    await history.refreshAfterRefund('a');
    api.details.push(good(detailOf(payment('b', 1234))));
    await history.openPayment('b');
    await history.refreshAfterRefund('a');
    expect(api.calls).toHaveLength(reads + 1);
    expect(state().historyDetail?.payment.id).toBe('b');
  });

  it('sends no refund of its own: the refund form is the only way money goes back', () => {
    expect(Object.keys(history)).not.toContain('refund');
    expect(Object.keys(state())).not.toContain('historyRefundText');
  });

  it('answers a reprint on the open payment, and a fresh payment opens with no earlier answer', async () => {
    await history.open();
    api.details.push(good(detailOf(payment('a', 2000))));
    await history.openPayment('a');
    await history.reprintReceipt();
    expect(api.called('printSlip')).toEqual([{ paymentId: 'a', slip: 'receipt' }]);
    expect(state().historyAnswer).toEqual({ ok: false, text: 'No printer is set up' });
    history.backToList();
    api.details.push(good(detailOf(payment('b', 1234))));
    await history.openPayment('b');
    expect(state().historyAnswer).toBeNull();
  });

  it('exports what the searched filter finds, or says why not', async () => {
    await history.open();
    await history.search({ ...emptyFilter('SGD', 'en-SG'), method: 'atome' }, PROBLEMS);
    await history.exportCsv();
    expect(api.called('exportPaymentsCsv')).toEqual([{ method: ['atome'] }]);
    expect(saved).toEqual([{ filename: 'payments.csv', csv: 'id\r\n' }]);
    api.csvReply = bad('The journal cannot be read');
    await history.exportCsv();
    expect(state().historyProblem?.message).toBe('The journal cannot be read');
    expect(saved).toHaveLength(1);
  });

  it('closes empty, and drops whatever answers after it closed', async () => {
    api.pages.push(good(pageOf(payment('a', 2000))));
    await history.open();
    api.details.push(good(detailOf(payment('a', 2000))));
    await history.openPayment('a');
    const late = deferred<ApiResult<PaymentPage>>();
    api.pages.push(late);
    const paging = history.older();

    history.close();
    expect(state()).toMatchObject({ historyPage: null, historyDetail: null, historyAnswer: null, historyOffset: 0 });
    const reopened = history.open();
    late.resolve(good(pageOf(payment('old', 1))));
    await Promise.all([paging, reopened]);
    await history.refreshAfterRefund('a');
    await settle();
    expect(state().historyDetail).toBeNull();
    expect(state().historyAnswer).toBeNull();
    expect(state().historyPage).toEqual(pageOf());
    // Nothing was read again for a refund of the payment that was open before the panel closed.
    expect(api.called('paymentDetail')).toHaveLength(1);
  });
});
