import { useCashierStore } from '../cashier-store';
import { ParkedSaleCard } from './parked-sale-card';
import { useParkedStore } from './parked-store';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import '../history/history.css';

/** The parked sales: those still open first (oldest first), then those that ended and are not yet seen. */
export function NeedsAttentionPanel({ onClose }: { readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const terminal = useCashierStore((s) => s.terminal);
  const { open, settled } = useParkedStore((s) => s.sales);
  const problem = useParkedStore((s) => s.problem);
  const words = useWords().parked;
  const say = useSay();
  return (
    <dialog ref={dialog} className="history-panel" data-testid="needs-attention-panel" aria-labelledby="needs-attention-title" onCancel={(e) => e.preventDefault()}>
      <div className="history-panel__head">
        <h2 id="needs-attention-title">{words.needsAttention}</h2>
        <button type="button" className="button button--secondary" data-testid="needs-attention-close" onClick={onClose}>
          {words.close}
        </button>
      </div>
      <p className="parked-panel__intro">{words.intro}</p>
      {problem !== null && (
        <p className="history__answer history__answer--bad" role="alert">
          {words.couldNotRead(say(problem))}
        </p>
      )}
      {open.length + settled.length === 0 ? (
        <p data-testid="parked-empty">{words.empty}</p>
      ) : (
        <ul className="parked-list">
          {[...open, ...settled].map((payment) => (
            <ParkedSaleCard key={payment.id} payment={payment} terminal={terminal} />
          ))}
        </ul>
      )}
    </dialog>
  );
}
