import { useId } from 'react';
import { useWords } from '../words/use-words';
import type { DraftMember, DraftProblems } from './staff-draft';
import { STAFF_ROLE_CHOICES } from './staff-words';

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

type FieldName = 'name' | 'role' | 'pin' | 'pinAgain';
type FieldProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'data-testid': string };

/** One labelled field of a row, with its problem (the screen's or main's) beneath it. */
function RowField({ label, name, problem, children }: { readonly label: string; readonly name: FieldName; readonly problem: string | undefined; readonly children: (props: FieldProps) => React.ReactNode }) {
  const id = useId();
  const testId = name === 'pinAgain' ? 'staff-pin-again' : `staff-${name}`;
  return (
    <div className={`settings-field staff-row__${name}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem !== undefined, 'aria-describedby': problem === undefined ? undefined : `${id}-error`, 'data-testid': testId })}
      {problem !== undefined && (
        <span id={`${id}-error`} className="settings-field__error" data-testid={`${testId}-error`}>
          {capital(problem)}
        </span>
      )}
    </div>
  );
}

const pinInput = (value: string, onChange: (pin: string) => void) => (field: FieldProps) => (
  <input {...field} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={value} onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 8))} />
);

export interface StaffRowProps {
  readonly member: DraftMember;
  readonly index: number;
  readonly problems: DraftProblems;
  readonly onChange: (member: DraftMember) => void;
  readonly onRemove: () => void;
}

/** One person: name, role, and a new PIN typed twice (empty keeps theirs); Remove takes them off the list. */
export function StaffRow({ member, index, problems, onChange, onRemove }: StaffRowProps) {
  const problem = (field: FieldName): string | undefined => problems[`members.${String(index)}.${field}`];
  const set = (change: Partial<DraftMember>): void => onChange({ ...member, ...change });
  const words = useWords().staff;
  const isNew = member.id === null;
  const who = member.name.trim() === '' ? (member.id ?? words.row.newPerson) : member.name;
  return (
    <fieldset className="staff-row" data-testid="staff-row" data-index={index}>
      <legend>{isNew ? words.row.unsaved(who) : who}</legend>
      <RowField label={words.row.name} name="name" problem={problem('name')}>
        {(field) => <input {...field} autoComplete="off" maxLength={40} value={member.name} onChange={(e) => set({ name: e.target.value })} />}
      </RowField>
      <RowField label={words.row.role} name="role" problem={problem('role')}>
        {(field) => (
          <select {...field} value={member.role} onChange={(e) => set({ role: STAFF_ROLE_CHOICES.find((r) => r === e.target.value) ?? member.role })}>
            {STAFF_ROLE_CHOICES.map((role) => (
              <option key={role} value={role}>
                {words.roles[role]}
              </option>
            ))}
          </select>
        )}
      </RowField>
      <RowField label={isNew ? words.row.newPin : words.row.changePin} name="pin" problem={problem('pin')}>
        {pinInput(member.pin, (pin) => set({ pin }))}
      </RowField>
      <RowField label={words.row.pinAgain} name="pinAgain" problem={problem('pinAgain')}>
        {pinInput(member.pinAgain, (pinAgain) => set({ pinAgain }))}
      </RowField>
      <button type="button" className="button button--secondary staff-row__remove" data-testid="staff-remove" aria-label={words.row.removeWho(who)} onClick={onRemove}>
        {words.row.remove}
      </button>
    </fieldset>
  );
}
