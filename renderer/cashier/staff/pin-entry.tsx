import { useId, type Ref } from 'react';
import { useWords } from '../words/use-words';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const MAX_DIGITS = 8;

export interface PinEntryProps {
  /** The field's label, e.g. "PIN for Ali". */
  readonly label: string;
  readonly value: string;
  readonly onChange: (pin: string) => void;
  readonly disabled: boolean;
  /** A problem with what was typed, read out with the field. */
  readonly problemId?: string | undefined;
  /** `sign-in` gives `sign-in-pin` and `sign-in-key-1` … `sign-in-key-clear`. */
  readonly testId: string;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * A PIN, masked: typed on the keyboard or on the keys below it. The keys keep the focus in the field,
 * so Enter afterwards submits the form around it. Digits only, at most eight.
 */
export function PinEntry({ label, value, onChange, disabled, problemId, testId, inputRef }: PinEntryProps) {
  const id = useId();
  const words = useWords().staff.pin;
  const type = (digit: string): void => onChange((value + digit).slice(0, MAX_DIGITS));
  // `which` names the key for the tests (`sign-in-key-clear`), `name` for a screen reader.
  const key = (face: string, which: string, name: string, press: () => void, className = '') => (
    <button
      key={which}
      type="button"
      className={`key pin-entry__key ${className}`.trim()}
      aria-label={name}
      data-testid={`${testId}-key-${which}`}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={press}
    >
      {face}
    </button>
  );
  return (
    <div className="pin-entry">
      <label className="pin-entry__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="pin-entry__field"
        data-testid={`${testId}-pin`}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={MAX_DIGITS}
        value={value}
        disabled={disabled}
        aria-invalid={problemId !== undefined}
        aria-describedby={problemId}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, MAX_DIGITS))}
      />
      <div className="keypad pin-entry__keys" role="group" aria-label={words.keys(label)}>
        {DIGITS.map((d) => key(d, d, d, () => type(d)))}
        {key('C', 'clear', words.clear, () => onChange(''), 'key--clear-pin')}
        {key('0', '0', '0', () => type('0'))}
        {key('⌫', 'backspace', words.backspace, () => onChange(value.slice(0, -1)), 'key--edit')}
      </div>
    </div>
  );
}
