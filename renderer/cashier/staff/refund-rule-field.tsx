import { useId } from 'react';
import type { CurrencyCode } from '../../../app/money/currency';
import { useWords } from '../words/use-words';
import type { RuleMode } from './staff-draft';

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export interface RefundRuleFieldProps {
  readonly rule: RuleMode;
  readonly threshold: string;
  readonly currency: CurrencyCode;
  readonly problem: string | undefined;
  readonly onChange: (rule: RuleMode, threshold: string) => void;
}

/** When a cashier's refund needs a manager's PIN: always, over an amount in the shop's currency, or never. */
export function RefundRuleField({ rule, threshold, currency, problem, onChange }: RefundRuleFieldProps) {
  const id = useId();
  const words = useWords().staff.rule;
  const choice = (mode: RuleMode, label: React.ReactNode) => (
    <label className="device-form__check staff-rule__choice">
      <input type="radio" name={`${id}-rule`} data-testid={`refund-rule-${mode}`} checked={rule === mode} onChange={() => onChange(mode, threshold)} />
      {label}
    </label>
  );
  return (
    <fieldset className="staff-rule">
      <legend>{words.legend}</legend>
      {choice('all', words.everyRefund)}
      <div className="staff-rule__over">
        {choice('over', words.refundsOver)}
        <input
          aria-label={words.amountLabel(currency)}
          className="staff-rule__amount"
          data-testid="refund-rule-threshold"
          inputMode="decimal"
          autoComplete="off"
          value={threshold}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : `${id}-problem`}
          onFocus={() => onChange('over', threshold)}
          onChange={(event) => onChange('over', event.target.value)}
        />
        <span className="staff-rule__currency">{currency}</span>
      </div>
      {problem !== undefined && (
        <span id={`${id}-problem`} className="settings-field__error" data-testid="error-threshold">
          {capital(problem)}
        </span>
      )}
      {choice('none', words.noRefund)}
    </fieldset>
  );
}
