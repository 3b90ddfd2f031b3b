import { useCallback, useEffect, useState } from 'react';
import { useCashierStore } from '../cashier-store';
import { useWords } from '../words/use-words';
import { useSession } from './session-context';
import { StaffPanel } from './staff-panel';
import { useStaffStore } from './staff-store';
import { staffSummary, viewWarningText } from './staff-words';
import { useSay } from '../shared/use-say';
import './staff-panel.css';

/**
 * The Settings panel's staff part: what is unprotected while nobody is listed (in main's words, at the
 * top where it cannot be missed), who is listed, and the button to the Staff panel.
 */
export function StaffSettings() {
  const session = useSession();
  const words = useWords().staff;
  const say = useSay();
  const staff = useStaffStore((s) => s.staff);
  const currency = useCashierStore((s) => s.terminal?.defaultCurrency ?? 'SGD');
  const locale = useCashierStore((s) => s.terminal?.locale);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    void session.refresh();
  }, [session]);
  if (staff === null) return null;
  return (
    <section className="staff-settings" aria-label={words.staff}>
      {staff.warning !== null && (
        <p className="staff-warning" role="alert" data-testid="staff-warning">
          {viewWarningText(staff, words, say)}
        </p>
      )}
      <div className="staff-settings__row">
        <p className="staff-settings__summary" data-testid="staff-summary">
          {staffSummary(staff, currency, locale, words)}
        </p>
        <button type="button" className="button button--secondary" data-testid="staff-open" onClick={() => setOpen(true)}>
          {words.summary.open}
        </button>
      </div>
      {open && <StaffPanel onClose={close} />}
    </section>
  );
}
