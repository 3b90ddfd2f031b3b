import { useEffect, useRef, useState } from 'react';
import type { StaffMember } from '../../../app/staff/staff';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import { PinEntry } from './pin-entry';
import type { SignInRefusal } from './session';
import { useSession } from './session-context';
import { useStaffStore } from './staff-store';
import { signInNoticeWords } from './staff-words';
import './sign-in.css';

/** The names as big buttons, with main's last word on signing in (a wait, or why this screen was signed out). */
function PeopleList({ members, chosenId, onChoose }: { readonly members: readonly StaffMember[]; readonly chosenId: string | null; readonly onChoose: (member: StaffMember) => void }) {
  const notice = useStaffStore((s) => s.signInNotice);
  const words = useWords().staff;
  return (
    <div className="sign-in__people">
      <h2 id="sign-in-title" className="sign-in__title">
        {words.signIn.title}
      </h2>
      {notice !== null && (
        <p className="sign-in__notice" role="status" data-testid="sign-in-notice">
          {signInNoticeWords(notice, words)}
        </p>
      )}
      <ul className="sign-in__names" aria-label={words.staff}>
        {members.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="button sign-in__name"
              data-testid="sign-in-person"
              data-staff-id={m.id}
              aria-pressed={chosenId === m.id}
              onClick={() => onChoose(m)}
            >
              {m.name}
              <span className="sign-in__role">{words.roles[m.role]}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Who is at the counter: the names as big buttons, then that person's PIN, masked. Enter signs in
 * (a PIN moves no money). Main's sentences are shown as they come: a wrong PIN, the wait after
 * several, or why this screen was signed out.
 */
export function SignInScreen() {
  const session = useSession();
  const words = useWords().staff;
  const say = useSay();
  const members = useStaffStore((s) => s.staff?.members ?? []);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<SignInRefusal | null>(null);
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  // The list may have changed while nobody was looking (someone added or removed elsewhere).
  useEffect(() => {
    void session.refresh();
  }, [session]);
  useEffect(() => {
    if (chosen !== null && !sending) field.current?.focus();
  }, [chosen, sending]);
  // Someone removed meanwhile is no longer offered.
  const person = chosen !== null && members.some((m) => m.id === chosen.id) ? chosen : null;

  const choose = (member: StaffMember): void => {
    setChosen(member);
    setPin('');
    setProblem(null);
  };
  const submit = async (): Promise<void> => {
    if (person === null || sending) return;
    setSending(true);
    const refused = await session.signIn(person.id, pin);
    setSending(false);
    setPin('');
    setProblem(refused);
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title" data-testid="sign-in">
      <PeopleList members={members} chosenId={person?.id ?? null} onChoose={choose} />
      {person === null ? (
        <p className="sign-in__hint">{words.signIn.hint}</p>
      ) : (
        <form
          className="sign-in__pin"
          aria-label={words.signIn.signInAs(person.name)}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <PinEntry
            label={words.pin.pinFor(person.name)}
            value={pin}
            onChange={(next) => {
              setPin(next);
              setProblem(null);
            }}
            disabled={sending}
            problemId={problem === null ? undefined : 'sign-in-problem'}
            testId="sign-in"
            inputRef={field}
          />
          {problem !== null && (
            <p id="sign-in-problem" className="staff-problem" role="alert" data-testid="sign-in-problem">
              {problem.kind === 'refused' ? say(problem.told) : words.pin.format}
            </p>
          )}
          <button type="submit" className="button button--primary" data-testid="sign-in-submit" disabled={sending || pin === ''}>
            {sending ? words.signIn.checking : words.signIn.signInAs(person.name)}
          </button>
        </form>
      )}
    </section>
  );
}
