import { useEffect, useState } from 'react';
import type { ApiError, ApiResult } from '../../../app/ipc/contract';
import type { PairedDisplay, PairedDisplays } from '../../../app/ipc/pairing-schemas';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { withManagerApproval } from '../staff/manager-approval';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import type { Told } from '../shared/told';

/** How the last change went: ours, in the catalog's words, or the terminal's refusal, worded when shown. */
type Answer = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: ApiError } | null;

/**
 * A refusal in the cashier's words: each refused field of the form by its label and its problem, as the
 * terminal said it (`fieldsSaid`); any other refusal (a wrong or stale code, too many tries) as told.
 */
function refusalText(error: ApiError, say: (told: Told) => string, words: ReturnType<typeof useWords>['devices']['pairing']): string {
  const saids = error.fieldsSaid ?? {};
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0 || Object.keys(saids).length === 0) return say(error);
  const label = (field: string): string => (field === 'code' ? words.code : field === 'name' ? words.name : field);
  return fields.map(([field, problem]) => words.fieldProblem(label(field), say({ message: problem, said: saids[field] }))).join(' ');
}

/** The panel's list of paired displays and how the last change went; approving and revoking may need a manager's PIN. */
function usePairedDisplays() {
  const { api } = useActions();
  const w = useWords().devices.pairing;
  const [list, setList] = useState<PairedDisplays | null>(null);
  const [answer, setAnswer] = useState<Answer>(null);
  // Listed again whenever the customer display's chip changes, so "Connected now" follows the tablet.
  const displaysOnline = useCashierStore((s) => (s.devices === null ? null : `${s.devices.customerDisplay.summary} ${s.devices.customerDisplay.detail}`));
  useEffect(() => {
    void api.listDisplays().then((r) => setList(r.ok ? r.value : null));
  }, [api, displaysOnline]);
  const apply = (result: ApiResult<PairedDisplays> | null, said: string): boolean => {
    if (result === null) return false;
    if (!result.ok) {
      setAnswer({ ok: false, error: result.error });
      return false;
    }
    setList(result.value);
    setAnswer({ ok: true, text: said });
    return true;
  };
  const approve = async (code: string, name: string): Promise<boolean> =>
    apply(await withManagerApproval((approval) => api.approveDisplay({ code, name }, approval)), w.paired(name.trim()));
  const revoke = async (display: PairedDisplay): Promise<void> => {
    apply(await withManagerApproval((approval) => api.revokeDisplay({ id: display.id }, approval)), w.unpaired(display.name));
  };
  return { list, answer, approve, revoke };
}

function DisplayRow({ display, onRevoke }: { readonly display: PairedDisplay; readonly onRevoke: () => void }) {
  const locale = useCashierStore((s) => s.terminal?.locale);
  const w = useWords().devices.pairing;
  const when = (at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const seen = display.connected ? w.connectedNow : display.lastSeenAt === null ? w.notConnectedYet : w.lastSeen(when(display.lastSeenAt));
  return (
    <li className="paired-displays__row" data-testid="paired-display">
      <span>
        <strong>{display.name}</strong> · {w.pairedAt(when(display.pairedAt))} · {seen}
      </span>
      <button type="button" className="button button--secondary" onClick={onRevoke} aria-label={w.unpairName(display.name)}>
        {w.unpair}
      </button>
    </li>
  );
}

function PairForm({ onPair }: { readonly onPair: (code: string, name: string) => Promise<boolean> }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const w = useWords().devices.pairing;
  return (
    <form
      className="paired-displays__form"
      onSubmit={(event) => {
        event.preventDefault();
        void onPair(code, name).then((paired) => {
          if (!paired) return;
          setCode('');
          setName('');
        });
      }}
    >
      <label>
        {w.code}
        <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" maxLength={9} data-testid="pair-code" />
      </label>
      <label>
        {w.name}
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={w.namePlaceholder} maxLength={40} data-testid="pair-name" />
      </label>
      <button type="submit" className="button button--primary" data-testid="pair-display">
        {w.pair}
      </button>
    </form>
  );
}

/**
 * Tablets and second PCs paired as customer displays: open /display/ on one, type the code it shows
 * here, and it keeps working across restarts until unpaired. Hidden where displays cannot pair (Electron).
 */
export function PairedDisplaysSection() {
  const { list, answer, approve, revoke } = usePairedDisplays();
  const say = useSay();
  const words = useWords().devices;
  const w = words.pairing;
  if (list === null || (!list.canPair && list.displays.length === 0)) return null;
  return (
    <section className="devices-panel__section" aria-label={words.names.customerDisplays} data-testid="paired-displays">
      <h3 className="devices-panel__title">{words.names.customerDisplays}</h3>
      <p className="devices-panel__state">
        {w.openBefore}
        <code>/display/</code>
        {w.openAfter}
        {!list.kept && ` ${w.notKept}`}
      </p>
      {list.displays.length === 0 ? (
        <p>{w.noneYet}</p>
      ) : (
        <ul className="paired-displays__list">
          {list.displays.map((d) => (
            <DisplayRow key={d.id} display={d} onRevoke={() => void revoke(d)} />
          ))}
        </ul>
      )}
      {list.canPair && <PairForm onPair={approve} />}
      {answer !== null && (
        <p className={answer.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" aria-live="polite" data-testid="pair-answer">
          {answer.ok ? answer.text : refusalText(answer.error, say, w)}
        </p>
      )}
    </section>
  );
}
