import type { EntryKey } from '../../../app/money/keyed-entry';
import type { SaleWords } from '../words/sale';
import { useWords } from '../words/use-words';

type KeypadWords = SaleWords['keypad'];

interface KeyDef {
  readonly key: EntryKey;
  readonly face: string;
  /** The key's spoken name; a digit's is the digit itself. */
  readonly label: (words: KeypadWords) => string;
  readonly className?: string;
}

const digit = (d: EntryKey & `${number}`): KeyDef => ({ key: d, face: d, label: () => d });

// Phone order (1 2 3 on top), as on card terminals the cashier already knows. A key's name
// starts with its face when the face is readable text (WCAG 2.5.3), so "press 00" by voice finds it.
const KEYS: readonly KeyDef[] = [
  digit('1'),
  digit('2'),
  digit('3'),
  digit('4'),
  digit('5'),
  digit('6'),
  digit('7'),
  digit('8'),
  digit('9'),
  { key: '00', face: '00', label: (w) => w.doubleZero },
  digit('0'),
  // After the point, digits are decimals: 5 . 5 is 5.50, whichever way the digits before it read.
  { key: '.', face: '.', label: (w) => w.point },
  { key: 'backspace', face: '⌫', label: (w) => w.backspace, className: 'key--edit' },
  { key: 'clear', face: 'C', label: (w) => w.clear, className: 'key--clear' },
];

/** The on-screen keypad; every key is at least 48 px and named for screen readers. */
export function Keypad({ onKey, disabled }: { readonly onKey: (key: EntryKey) => void; readonly disabled: boolean }) {
  const words = useWords().sale.keypad;
  return (
    <div className="keypad" role="group" aria-label={words.name}>
      {KEYS.map(({ key, face, label, className }) => (
        <button
          key={key}
          type="button"
          className={`key ${className ?? ''}`}
          aria-label={label(words)}
          data-key={key}
          disabled={disabled}
          // Keeps focus where it was, so Enter afterwards charges instead of pressing this key again.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onKey(key)}
        >
          {face}
        </button>
      ))}
    </div>
  );
}
