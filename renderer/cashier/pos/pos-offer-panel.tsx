import { useEffect, useState } from 'react';
import type { PosOffer } from '../../../app/pos-api/pos-offer';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { methodLabel, methodsFor } from '../shared/sale-choices';
import type { Told } from '../shared/told';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';

/** The till's request waiting for the cashier's choice of method: asked once, then followed by its event. */
function usePosOffer() {
  const { api } = useActions();
  const [offer, setOffer] = useState<PosOffer | null>(null);
  useEffect(() => {
    void api.getPosOffer().then((r) => r.ok && setOffer(r.value));
    return api.onPosOffer((event) => setOffer(event.offer));
  }, [api]);
  return offer;
}

/**
 * A till sent an amount and left the method to the cashier: "Requested by Till 2 — SGD 25.00", one
 * button per method that takes it, and Decline. The sale then runs as a keyed one.
 */
export function PosOfferPanel() {
  const offer = usePosOffer();
  const terminal = useCashierStore((s) => s.terminal);
  const { api } = useActions();
  const say = useSay();
  const all = useWords();
  const words = all.payment;
  const [refusal, setRefusal] = useState<Told | null>(null);
  const [busy, setBusy] = useState(false);
  if (offer === null || terminal === null) return null;
  const act = async (answer: Promise<{ readonly ok: boolean; readonly error?: Told }>) => {
    setBusy(true);
    const result = await answer;
    setBusy(false);
    setRefusal(result.ok ? null : (result.error ?? null));
  };
  // Enter on these buttons is theirs: it must not reach the screen's "Enter charges" key.
  const keepEnter = (event: React.KeyboardEvent): void => {
    if (event.key === 'Enter') event.stopPropagation();
  };
  return (
    <section className="pos-offer" aria-label={words.requestedBy(offer.client, formatAmount(offer.amount, terminal.locale))} data-testid="pos-offer">
      <p className="pos-offer__title" data-testid="pos-offer-title">
        {words.requestedBy(offer.client, formatAmount(offer.amount, terminal.locale))}
      </p>
      <p>
        {words.posOffer.order(offer.reference)}
        {offer.description === null ? '' : ` \u00b7 ${offer.description}`}
      </p>
      <p>{words.posOffer.choose}</p>
      <div className="pos-offer__methods">
        {methodsFor(terminal, offer.amount.currency).map((m) => (
          <button
            key={m.id}
            type="button"
            className="button button--primary"
            disabled={busy}
            onKeyDown={keepEnter}
            data-testid={`pos-offer-method-${m.id}`}
            onClick={() => void act(api.takePosOffer({ checkoutId: offer.checkoutId, method: m.id }))}
          >
            {methodLabel(terminal, m.id, all.common)}
          </button>
        ))}
        <button type="button" className="button button--secondary" disabled={busy} onKeyDown={keepEnter} data-testid="pos-offer-decline" onClick={() => void act(api.declinePosOffer({ checkoutId: offer.checkoutId }))}>
          {words.posOffer.decline}
        </button>
      </div>
      {refusal !== null && (
        <p className="devices-panel__answer devices-panel__answer--bad" role="alert" data-testid="pos-offer-refusal">
          {say(refusal)}
        </p>
      )}
    </section>
  );
}
