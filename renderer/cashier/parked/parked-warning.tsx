import type { TerminalInfo } from '../../../app/ipc/contract';
import { formatAmount } from '../../shared/format-amount';
import { clockTime } from './parked-words';
import { useParkedStore } from './parked-store';
import { methodLabel } from '../shared/sale-choices';
import { useWords } from '../words/use-words';

/**
 * End of day's warning: parked sales whose outcome is still unknown. They are not counted as paid; the
 * report keeps them apart as "parked, outcome unknown", and closing the day over them is a deliberate act.
 */
export function ParkedWarning({ terminal, testId }: { readonly terminal: TerminalInfo; readonly testId: string }) {
  const open = useParkedStore((s) => s.sales.open);
  const all = useWords();
  const words = all.parked.warning;
  if (open.length === 0) return null;
  const locale = terminal.locale;
  return (
    <div className="parked-warning" role="alert" data-testid={testId}>
      <p className="parked-warning__title">{words.title(open.length)}</p>
      <ul>
        {open.map((payment) => (
          <li key={payment.id} data-testid={`${testId}-sale`}>
            {words.line(formatAmount(payment.amount, locale), methodLabel(terminal, payment.method, all.common), payment.id, clockTime(payment.createdAt, locale))}
          </li>
        ))}
      </ul>
    </div>
  );
}
