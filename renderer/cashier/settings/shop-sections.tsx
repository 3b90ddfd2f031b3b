import { ENTRY_MODES, type EntryMode } from '../../../app/money/keyed-entry';
import { useCashierStore } from '../cashier-store';
import { Field, nullable, TextField } from './settings-fields';
import type { SectionProps } from './section-props';

const ADDRESS_LINES = 4;

/** The shop's name, logo text and address lines, as the screens and receipts show them. */
export function ShopSection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const { merchant } = draft;
  const locked = view.locked;
  // Lines after the last one typed are dropped, so clearing the last line shortens the address.
  const setLine = (index: number, text: string): void => {
    const lines = Array.from({ length: ADDRESS_LINES }, (_, i) => (i === index ? text : (merchant.addressLines[i] ?? '')));
    edit('merchant', { ...merchant, addressLines: lines.slice(0, Math.max(...lines.map((l, i) => (l === '' ? 0 : i + 1)), 0)) });
  };
  return (
    <fieldset className="settings-section">
      <legend>Shop</legend>
      <TextField label="Shop name" path="merchant.name" value={merchant.name} onChange={(name) => edit('merchant', { ...merchant, name })} errors={errors} locked={locked} hint="On the screens, the receipts and the pole display; up to 40 characters" />
      <TextField
        label="Logo text"
        path="merchant.logoText"
        value={merchant.logoText ?? ''}
        onChange={(text) => edit('merchant', { ...merchant, logoText: nullable(text) })}
        errors={errors}
        locked={locked}
        hint="Printed large above the name on receipts; up to 16 characters, or empty for none"
      />
      {Array.from({ length: ADDRESS_LINES }, (_, index) => (
        <TextField
          key={index}
          label={`Address line ${String(index + 1)}`}
          path={`merchant.addressLines.${String(index)}`}
          value={merchant.addressLines[index] ?? ''}
          onChange={(text) => setLine(index, text)}
          errors={errors}
          locked={locked}
          {...(index === 0 ? { hint: 'Printed under the name: address, phone, tax number; up to 48 characters each' } : {})}
        />
      ))}
    </fieldset>
  );
}

function minutesHint(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'From 30 seconds to 12 hours';
  const minutes = seconds / 60;
  return `${Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1)} minutes; from 30 seconds to 12 hours`;
}

const ENTRY_HINTS: Readonly<Record<EntryMode, string>> = {
  cents: 'Digits fill in from the right, as on a cash register: 1 2 3 4 reads 12.34. Type "." to key decimals: 5 . 5 reads 5.50',
  decimal: 'Digits are whole amounts: 1 2 reads 12.00. Type "." for decimals: 12 . 5 reads 12.50',
};

/** How long a QR code stays payable, and how the cashier's digits read. */
export function PaymentsSection({ draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const seconds = draft.payment.qrExpirySeconds;
  const mode = draft.payment.entry;
  return (
    <fieldset className="settings-section">
      <legend>Payments</legend>
      <Field label="QR code expires after (seconds)" path="payment.qrExpirySeconds" errors={errors} hint={minutesHint(seconds)}>
        {(field) => (
          <input
            {...field}
            inputMode="numeric"
            value={Number.isNaN(seconds) ? '' : String(seconds)}
            onChange={(e) => edit('payment', { ...draft.payment, qrExpirySeconds: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })}
          />
        )}
      </Field>
      <Field label="Amount entry" path="payment.entry" errors={errors} hint={ENTRY_HINTS[mode]}>
        {(field) => (
          <select
            {...field}
            value={mode}
            onChange={(e) => {
              const chosen = ENTRY_MODES.find((m) => m === e.target.value);
              if (chosen !== undefined) edit('payment', { ...draft.payment, entry: chosen });
            }}
          >
            <option value="cents">Cash register (1 2 3 4 is 12.34)</option>
            <option value="decimal">Whole amounts first (1 2 is 12.00)</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}
