import { useState } from 'react';
import { useWords } from '../words/use-words';
import { useSession } from './session-context';
import { useStaffStore } from './staff-store';
import { operatorLabel } from './staff-words';
import './sign-in.css';

/** Who is signed in on this screen, e.g. "Ali (cashier)", and Sign out; nothing in a one-person shop. */
export function OperatorChip() {
  const session = useSession();
  const operator = useStaffStore((s) => s.operator);
  const words = useWords().staff;
  const [leaving, setLeaving] = useState(false);
  if (operator === null) return null;
  return (
    <div className="operator-chip">
      <span className="operator-chip__name" data-testid="operator">
        {operatorLabel(operator, words)}
      </span>
      <button
        type="button"
        className="button button--secondary operator-chip__sign-out"
        data-testid="sign-out"
        disabled={leaving}
        // Enter here signs out; it must not reach the screen's "Enter charges" key.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.stopPropagation();
        }}
        onClick={() => {
          setLeaving(true);
          void session.signOut().finally(() => setLeaving(false));
        }}
      >
        {words.signIn.signOut}
      </button>
    </div>
  );
}
