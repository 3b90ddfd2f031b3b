import type { TerminalInfo } from '../../app/ipc/contract';
import { entryToMoney } from '../../app/money/keyed-entry';
import { formatAmount } from '../shared/format-amount';
import { useActions } from './actions-context';
import { useCashierStore } from './cashier-store';
import { ErrorAlert } from './error-alert';
import { Keypad } from './keypad';
import { SaleOptions } from './sale-options';
import './sale-entry.css';

/** Keying a new sale: the amount, its options, the keypad and Charge. */
export function SaleEntry({ terminal }: { readonly terminal: TerminalInfo }) {
  const entry = useCashierStore((s) => s.entry);
  const method = useCashierStore((s) => s.method);
  const charging = useCashierStore((s) => s.pending === 'charge');
  const press = useCashierStore((s) => s.press);
  const actions = useActions();
  const amount = entryToMoney(entry);

  return (
    <div className="sale-entry">
      <section className="sale-entry__left" aria-label="Sale">
        <output className="amount-display" data-testid="amount" aria-live="polite" aria-label="Amount">
          {formatAmount(amount, terminal.locale)}
        </output>
        <SaleOptions terminal={terminal} />
        <ErrorAlert />
        <button
          type="button"
          className="button button--primary button--charge"
          data-testid="charge"
          disabled={amount.minor === 0 || method === null || charging}
          onClick={() => void actions.charge()}
        >
          {charging ? 'Charging…' : `Charge ${amount.minor === 0 ? '' : formatAmount(amount, terminal.locale)}`.trim()}
        </button>
      </section>
      <Keypad onKey={press} disabled={charging} />
    </div>
  );
}
