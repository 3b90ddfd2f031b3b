import { useEffect, useState } from 'react';
import { PAYMENT_STATUSES } from '../../../app/ipc/history';
import type { TerminalInfo } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import type { MethodId } from '../../../app/payment/method';
import type { PaymentStatus } from '../../../app/payment/payment';
import type { StaffMember } from '../../../app/staff/staff';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { HistoryDetail } from './history-detail';
import { historyStatusWords } from './history-status';
import { emptyFilter, type HistoryFilterForm } from './history-filter';
import { HISTORY_PAGE } from './history-slice';
import { statusWords } from './history-timeline';
import { formatShopDateTime, shopDateHint } from './shop-dates';
import { methodLabel, terminalCurrencies } from '../shared/sale-choices';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import './history.css';

interface FiltersProps {
  readonly terminal: TerminalInfo;
  /** The people listed: the "who" filter shows only when there is someone to choose. */
  readonly staff: readonly StaffMember[];
  readonly form: HistoryFilterForm;
  readonly onChange: (form: HistoryFilterForm) => void;
}

function Filters({ terminal, staff, form, onChange }: FiltersProps) {
  const all = useWords();
  const words = all.history;
  const common = all.common;
  const says = words.filters;
  const set = <K extends keyof HistoryFilterForm>(key: K, value: HistoryFilterForm[K]) => onChange({ ...form, [key]: value });
  // Typed in the shop's format, as the list writes dates: a browser date field follows the browser's language.
  const dateHint = shopDateHint(form.locale);
  return (
    <div className="history-filters">
      <label className="field history-filters__search">
        <span className="field__label">{says.search}</span>
        <input type="search" data-testid="history-search-text" maxLength={64} autoComplete="off" value={form.search} onChange={(e) => set('search', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{says.from(dateHint)}</span>
        <input type="text" inputMode="numeric" data-testid="history-from" placeholder={dateHint} value={form.from} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{says.to(dateHint)}</span>
        <input type="text" inputMode="numeric" data-testid="history-to" placeholder={dateHint} value={form.to} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{words.status}</span>
        <select data-testid="history-status" value={form.status} onChange={(e) => set('status', e.target.value as PaymentStatus | '')}>
          <option value="">{says.anyStatus}</option>
          {PAYMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusWords(status, words)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{words.method}</span>
        <select data-testid="history-method" value={form.method} onChange={(e) => set('method', e.target.value as MethodId | '')}>
          <option value="">{says.anyMethod}</option>
          {terminal.methods.map((m) => (
            <option key={m.id} value={m.id}>
              {methodLabel(terminal, m.id, common)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{says.amountFrom}</span>
        <input type="text" inputMode="decimal" data-testid="history-min" value={form.min} onChange={(e) => set('min', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{says.amountTo}</span>
        <input type="text" inputMode="decimal" data-testid="history-max" value={form.max} onChange={(e) => set('max', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{says.currency}</span>
        <select data-testid="history-currency" value={form.currency} onChange={(e) => set('currency', e.target.value as CurrencyCode)}>
          {terminalCurrencies(terminal).map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      {staff.length > 0 && (
        <label className="field">
          <span className="field__label">{words.soldBy}</span>
          <select data-testid="history-operator" value={form.operator} onChange={(e) => set('operator', e.target.value)}>
            <option value="">{says.anyone}</option>
            {staff.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** Why the last search, page, export or payment could not be shown, in the cashier's language where the terminal said it as a `Said`. */
function HistoryProblem() {
  const problem = useCashierStore((s) => s.historyProblem);
  const say = useSay();
  return problem === null ? null : (
    <p className="history__answer history__answer--bad" role="alert" data-testid="history-problem">
      {say(problem)}
    </p>
  );
}

/** History: find payments by order number or reference, date, status, method and amount; open one; export what is found as CSV. */
export function HistoryPanel({ terminal, onClose }: { readonly terminal: TerminalInfo; readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const { history } = useActions();
  // The form as typed is the panel's own; what was searched, and what it found, is in the store.
  const [form, setForm] = useState<HistoryFilterForm>(() => emptyFilter(terminal.defaultCurrency, terminal.locale));
  const offset = useCashierStore((s) => s.historyOffset);
  const page = useCashierStore((s) => s.historyPage);
  const detail = useCashierStore((s) => s.historyDetail);
  const staff = useCashierStore((s) => s.historyStaff);
  const all = useWords();
  const words = all.history;

  useEffect(() => {
    void history.open();
    return history.close;
  }, [history]);

  const total = page?.total ?? 0;
  return (
    <dialog ref={dialog} className="history-panel" data-testid="history-panel" aria-labelledby="history-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="history-title">{words.title}</h2>
      {detail !== null ? (
        <HistoryDetail detail={detail} />
      ) : (
        <>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void history.search(form, words.problems);
            }}
          >
            <Filters terminal={terminal} staff={staff} form={form} onChange={setForm} />
            <div className="history-panel__actions">
              <button type="submit" className="button button--primary" data-testid="history-search">
                {words.search}
              </button>
              <button type="button" className="button button--secondary" data-testid="history-export" onClick={() => void history.exportCsv()}>
                {words.exportCsv}
              </button>
            </div>
          </form>
          <p className="history-panel__count" data-testid="history-count" aria-live="polite">
            {total === 0 ? words.noneFound : words.shown(offset + 1, Math.min(offset + HISTORY_PAGE, total), total)}
          </p>
          <ul className="history-list" data-testid="history-list">
            {(page?.payments ?? []).map((p) => (
              <li key={p.id}>
                <button type="button" className="history-row" data-testid="history-row" data-payment-id={p.id} onClick={() => void history.openPayment(p.id)}>
                  <span className="history-row__time">{formatShopDateTime(p.createdAt, terminal.locale)}</span>
                  <span className="history-row__method">
                    {methodLabel(terminal, p.method, all.common)}
                    {p.operator !== undefined && <span data-testid="history-row-operator"> · {p.operator.name}</span>}
                  </span>
                  <span className={`history-row__status history-row__status--${p.state.status}`} data-testid="history-row-status">
                    {historyStatusWords(p, all)}
                  </span>
                  <span className="history-row__amount">{formatAmount(p.amount, terminal.locale)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="history-panel__actions">
            <button type="button" className="button button--secondary" data-testid="history-prev" disabled={offset === 0} onClick={() => void history.newer()}>
              {words.newer}
            </button>
            <button type="button" className="button button--secondary" data-testid="history-next" disabled={offset + HISTORY_PAGE >= total} onClick={() => void history.older()}>
              {words.older}
            </button>
          </div>
        </>
      )}
      <HistoryProblem />
      <button type="button" className="button button--primary" data-testid="history-close" onClick={onClose}>
        {words.close}
      </button>
    </dialog>
  );
}
