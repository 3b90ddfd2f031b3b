import { ENTRY_MODES, type EntryMode } from '../../../app/money/keyed-entry';
import { useCashierStore } from '../cashier-store';
import { useWords } from '../words/use-words';
import { Field, nullable, TextField } from './settings-fields';
import type { SectionProps } from './section-props';
import { expiryHint } from './settings-words';

const ADDRESS_LINES = 4;

/** The shop's name, logo text and address lines, as the screens and receipts show them. */
export function ShopSection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const { merchant } = draft;
  const locked = view.locked;
  const words = useWords().settings.shop;
  // Lines after the last one typed are dropped, so clearing the last line shortens the address.
  const setLine = (index: number, text: string): void => {
    const lines = Array.from({ length: ADDRESS_LINES }, (_, i) => (i === index ? text : (merchant.addressLines[i] ?? '')));
    edit('merchant', { ...merchant, addressLines: lines.slice(0, Math.max(...lines.map((l, i) => (l === '' ? 0 : i + 1)), 0)) });
  };
  return (
    <fieldset className="settings-section">
      <legend>{words.legend}</legend>
      <TextField label={words.name} path="merchant.name" value={merchant.name} onChange={(name) => edit('merchant', { ...merchant, name })} errors={errors} locked={locked} hint={words.nameHint} />
      <TextField
        label={words.logoText}
        path="merchant.logoText"
        value={merchant.logoText ?? ''}
        onChange={(text) => edit('merchant', { ...merchant, logoText: nullable(text) })}
        errors={errors}
        locked={locked}
        hint={words.logoTextHint}
      />
      {Array.from({ length: ADDRESS_LINES }, (_, index) => (
        <TextField
          key={index}
          label={words.addressLine(String(index + 1))}
          path={`merchant.addressLines.${String(index)}`}
          value={merchant.addressLines[index] ?? ''}
          onChange={(text) => setLine(index, text)}
          errors={errors}
          locked={locked}
          {...(index === 0 ? { hint: words.addressHint } : {})}
        />
      ))}
    </fieldset>
  );
}

/** How long a QR code stays payable, and how the cashier's digits read. */
export function PaymentsSection({ draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const seconds = draft.payment.qrExpirySeconds;
  const mode = draft.payment.entry;
  const words = useWords().settings;
  const say = words.payments;
  const entryHints: Readonly<Record<EntryMode, string>> = { cents: say.entryCentsHint, decimal: say.entryDecimalHint };
  return (
    <fieldset className="settings-section">
      <legend>{say.legend}</legend>
      <Field label={say.qrExpiry} path="payment.qrExpirySeconds" errors={errors} hint={expiryHint(seconds, words)}>
        {(field) => (
          <input
            {...field}
            inputMode="numeric"
            value={Number.isNaN(seconds) ? '' : String(seconds)}
            onChange={(e) => edit('payment', { ...draft.payment, qrExpirySeconds: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })}
          />
        )}
      </Field>
      <Field label={say.entry} path="payment.entry" errors={errors} hint={entryHints[mode]}>
        {(field) => (
          <select
            {...field}
            value={mode}
            onChange={(e) => {
              const chosen = ENTRY_MODES.find((m) => m === e.target.value);
              if (chosen !== undefined) edit('payment', { ...draft.payment, entry: chosen });
            }}
          >
            <option value="cents">{say.entryCents}</option>
            <option value="decimal">{say.entryDecimal}</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}
