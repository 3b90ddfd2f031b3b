import type { TerminalInfo } from '../../../app/ipc/contract';
import { isCurrencyCode } from '../../../app/money/currency';
import { useCashierStore } from '../cashier-store';
import { methodLabel, methodsFor, takesPayerAlias, terminalCurrencies } from '../shared/sale-choices';
import { useWords } from '../words/use-words';

/** Only the currencies the shop's methods take; a change clears the amount (entry-slice.ts says so). */
function CurrencyField({ terminal }: { readonly terminal: TerminalInfo }) {
  const currency = useCashierStore((s) => s.entry.currency);
  const chooseCurrency = useCashierStore((s) => s.chooseCurrency);
  const words = useWords().sale;
  return (
    <label className="field">
      <span className="field__label">{words.currency}</span>
      <select
        data-testid="currency"
        value={currency}
        onChange={(event) => {
          const code = event.target.value;
          if (isCurrencyCode(code)) chooseCurrency(terminal, code);
        }}
      >
        {terminalCurrencies(terminal).map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Currency, method and the optional order number for the sale being keyed. */
export function SaleOptions({ terminal }: { readonly terminal: TerminalInfo }) {
  const currency = useCashierStore((s) => s.entry.currency);
  const method = useCashierStore((s) => s.method);
  const orderRef = useCashierStore((s) => s.orderRef);
  const payerAlias = useCashierStore((s) => s.payerAlias);
  const { chooseMethod, setOrderRef, setPayerAlias } = useCashierStore.getState();
  const methods = methodsFor(terminal, currency);
  const all = useWords();
  const words = all.sale;

  return (
    <div className="sale-options">
      <CurrencyField terminal={terminal} />
      <label className="field">
        <span className="field__label">{words.method}</span>
        <select
          data-testid="method"
          value={method ?? ''}
          disabled={methods.length === 0}
          onChange={(event) => {
            const chosen = methods.find((m) => m.id === event.target.value);
            if (chosen) chooseMethod(chosen.id);
          }}
        >
          {methods.length === 0 && <option value="">{words.noMethodTakes(currency)}</option>}
          {methods.length > 0 && method === null && (
            <option value="" disabled>
              {words.chooseMethod}
            </option>
          )}
          {methods.map((m) => (
            <option key={m.id} value={m.id}>
              {methodLabel(terminal, m.id, all.common)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--wide">
        <span className="field__label">{words.orderRef}</span>
        <input
          data-testid="order-ref"
          type="text"
          inputMode="text"
          autoComplete="off"
          maxLength={40}
          value={orderRef}
          onChange={(event) => setOrderRef(event.target.value)}
        />
      </label>
      {takesPayerAlias(method) && (
        <label className="field field--wide">
          <span className="field__label">{words.payerAlias}</span>
          <input
            data-testid="payer-alias"
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="@alice"
            maxLength={65}
            value={payerAlias}
            onChange={(event) => setPayerAlias(event.target.value)}
          />
        </label>
      )}
    </div>
  );
}
