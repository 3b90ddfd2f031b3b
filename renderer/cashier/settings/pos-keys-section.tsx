import { useEffect, useState } from 'react';
import type { PosScope } from '../../../app/pos-api/checkout-schemas';
import type { PosClientView } from '../../../app/pos-api/pos-client-schemas';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { withManagerApproval } from '../staff/manager-approval';
import type { Told } from '../shared/told';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';

/** How the last change went: a new key (shown this once), a sentence of ours, or the terminal's refusal. */
type Answer = { readonly kind: 'key'; readonly name: string; readonly key: string } | { readonly kind: 'done'; readonly text: string } | { readonly kind: 'refused'; readonly told: Told } | null;

const SCOPES: readonly PosScope[] = ['charge', 'refund', 'read'];

/** The POS keys, and making and revoking them; both may need a manager's PIN (app/ipc/access.ts). */
function usePosKeys() {
  const { api } = useActions();
  const w = useWords().settings.posKeys;
  const [list, setList] = useState<readonly PosClientView[] | null>(null);
  const [answer, setAnswer] = useState<Answer>(null);
  const reload = () => void api.listPosClients().then((r) => setList(r.ok ? r.value : null));
  useEffect(reload, [api]);
  const create = async (name: string, scopes: readonly PosScope[]): Promise<boolean> => {
    const result = await withManagerApproval((approval) => api.createPosClient({ name, scopes: [...scopes] }, approval));
    if (result === null) return false;
    if (!result.ok) {
      setAnswer({ kind: 'refused', told: result.error });
      return false;
    }
    setAnswer({ kind: 'key', name: result.value.client.name, key: result.value.key });
    reload();
    return true;
  };
  const revoke = async (client: PosClientView): Promise<void> => {
    const result = await withManagerApproval((approval) => api.revokePosClient({ clientId: client.id }, approval));
    if (result === null) return;
    setAnswer(result.ok ? { kind: 'done', text: w.revoked(client.name) } : { kind: 'refused', told: result.error });
    reload();
  };
  return { list, answer, create, revoke };
}

function KeyRow({ client, onRevoke }: { readonly client: PosClientView; readonly onRevoke: () => void }) {
  const locale = useCashierStore((s) => s.terminal?.locale);
  const w = useWords().settings.posKeys;
  const when = (at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const scopes = client.scopes.map((s) => w.scopes[s]).join(', ');
  return (
    <li className="paired-displays__row" data-testid="pos-key">
      <span>
        <strong>{client.name}</strong> · <code>{client.keyHint}</code> · {scopes} · {client.revokedAt === null ? w.createdAt(when(client.createdAt)) : w.revokedAt(when(client.revokedAt))}
      </span>
      {client.revokedAt === null && (
        <button type="button" className="button button--secondary" onClick={onRevoke} aria-label={w.revokeName(client.name)}>
          {w.revoke}
        </button>
      )}
    </li>
  );
}

function CreateForm({ onCreate }: { readonly onCreate: (name: string, scopes: readonly PosScope[]) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<readonly PosScope[]>(['charge']);
  const w = useWords().settings.posKeys;
  const toggle = (scope: PosScope, on: boolean) => setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)));
  return (
    <form
      className="paired-displays__form"
      onSubmit={(event) => {
        event.preventDefault();
        void onCreate(name, scopes).then((made) => made && setName(''));
      }}
    >
      <label>
        {w.name}
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={w.namePlaceholder} maxLength={40} data-testid="pos-key-name" />
      </label>
      {SCOPES.map((scope) => (
        <label key={scope} className="pos-keys__scope">
          <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} data-testid={`pos-key-scope-${scope}`} />
          {w.scopes[scope]}
        </label>
      ))}
      <button type="submit" className="button button--primary" data-testid="pos-key-create">
        {w.create}
      </button>
    </form>
  );
}

/** The tills that may send amounts to this terminal: one key each, shown once, revocable. */
export function PosKeysSection() {
  const { list, answer, create, revoke } = usePosKeys();
  const say = useSay();
  const w = useWords().settings.posKeys;
  if (list === null) return null;
  return (
    <section className="devices-panel__section" aria-label={w.legend} data-testid="pos-keys">
      <h3 className="devices-panel__title">{w.legend}</h3>
      <p className="devices-panel__state">{w.intro}</p>
      {list.length === 0 ? (
        <p>{w.noneYet}</p>
      ) : (
        <ul className="paired-displays__list">
          {list.map((c) => (
            <KeyRow key={c.id} client={c} onRevoke={() => void revoke(c)} />
          ))}
        </ul>
      )}
      <CreateForm onCreate={create} />
      {answer?.kind === 'key' && (
        <p className="devices-panel__answer" role="status" data-testid="pos-key-shown">
          {w.keyOnce(answer.name)} <code data-testid="pos-key-value">{answer.key}</code>
        </p>
      )}
      {answer !== null && answer.kind !== 'key' && (
        <p className={answer.kind === 'done' ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" aria-live="polite" data-testid="pos-key-answer">
          {answer.kind === 'done' ? answer.text : say(answer.told)}
        </p>
      )}
    </section>
  );
}
