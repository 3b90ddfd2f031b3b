import { useCallback, useState } from 'react';
import type { TerminalInfo } from '../../../app/ipc/contract';
import { entryToMoney } from '../../../app/money/keyed-entry';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { ActionColumn } from '../shared/action-column';
import { FitText } from '../shared/fit-text';
import { Keypad } from './keypad';
import { EndOfDayPanel } from '../end-of-day/end-of-day-panel';
import { HistoryPanel } from '../history/history-panel';
import { LookupPanel } from '../lookup/lookup-panel';
import { SettingsPanel } from '../settings/settings-panel';
import { useWords } from '../words/use-words';
import { SaleOptions } from './sale-options';
import { methodLabel } from '../shared/sale-choices';
import { chargeLabel, noticeText } from './sale-words';
import './sale-entry.css';

/** What a currency change did to the amount or the method, said where the cashier is looking. */
function EntryNotice() {
  const notice = useCashierStore((s) => s.notice);
  const terminal = useCashierStore((s) => s.terminal);
  const all = useWords();
  const words = all.sale;
  return (
    <p className="entry-notice" role="status" data-testid="entry-notice" hidden={notice === null}>
      {notice === null ? null : noticeText(words, notice, (id) => methodLabel(terminal, id, all.common))}
    </p>
  );
}

/** Keying a new sale: the amount, its options, the keypad and Charge. */
export function SaleEntry({ terminal }: { readonly terminal: TerminalInfo }) {
  const entry = useCashierStore((s) => s.entry);
  const method = useCashierStore((s) => s.method);
  const charging = useCashierStore((s) => s.pending === 'charge');
  const press = useCashierStore((s) => s.press);
  const actions = useActions();
  const words = useWords().sale;
  const amount = entryToMoney(entry);
  const [lookingUp, setLookingUp] = useState(false);
  const closeLookup = useCallback(() => setLookingUp(false), []);
  const takesLookup = terminal.methods.some((m) => m.id === 'orangepill');
  const [panel, setPanel] = useState<'history' | 'end_of_day' | 'settings' | null>(null);
  const closePanel = useCallback(() => setPanel(null), []);
  // Enter on these buttons opens their panel; it must not reach the screen's "Enter charges" key.
  const keepEnter = (event: React.KeyboardEvent): void => {
    if (event.key === 'Enter') event.stopPropagation();
  };

  return (
    <div className="sale-entry">
      <section className="step-details" aria-label={words.saleRegion}>
        <output className="amount-display" data-testid="amount" aria-live="polite" aria-label={words.amount}>
          <FitText text={formatAmount(amount, terminal.locale)} />
        </output>
        <EntryNotice />
        <SaleOptions terminal={terminal} />
        {takesLookup && (
          <button
            type="button"
            className="button lookup-open"
            data-testid="lookup-open"
            onClick={() => setLookingUp(true)}
            // Enter on this button opens the lookup; it must not reach the screen's "Enter charges" key.
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.stopPropagation();
            }}
          >
            {words.lookUpQr}
          </button>
        )}
        <div className="sale-entry__tools">
          <button type="button" className="button button--secondary" data-testid="history-open" onClick={() => setPanel('history')} onKeyDown={keepEnter}>
            {words.history}
          </button>
          <button type="button" className="button button--secondary" data-testid="eod-open" onClick={() => setPanel('end_of_day')} onKeyDown={keepEnter}>
            {words.endOfDay}
          </button>
          <button type="button" className="button button--secondary" data-testid="settings-open" onClick={() => setPanel('settings')} onKeyDown={keepEnter}>
            {words.settings}
          </button>
        </div>
      </section>
      {/* The pinned action column: the keypad, then its refusals and Charge, where Cancel and New sale come later. */}
      <ActionColumn tools={<Keypad onKey={press} disabled={charging} />}>
        <button
          type="button"
          className="button button--primary button--charge"
          data-testid="charge"
          disabled={amount.minor === 0 || method === null || charging}
          onClick={() => void actions.charge()}
        >
          <FitText text={chargeLabel(words, charging, amount.minor === 0 ? null : formatAmount(amount, terminal.locale))} />
        </button>
      </ActionColumn>
      {lookingUp && <LookupPanel locale={terminal.locale} lookup={actions.lookupRequest} onClose={closeLookup} />}
      {panel === 'history' && <HistoryPanel terminal={terminal} onClose={closePanel} />}
      {panel === 'end_of_day' && <EndOfDayPanel terminal={terminal} onClose={closePanel} />}
      {panel === 'settings' && <SettingsPanel onClose={closePanel} />}
    </div>
  );
}
