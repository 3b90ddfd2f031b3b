import { useId } from 'react';
import type { KeyState } from '../../../app/ipc/settings-schemas';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import type { KeyEdit, SettingsErrors } from './settings-slice';
import { keyStatus } from './settings-words';

/** Fields the environment sets, by path, with the variable that sets each: shown, not editable. */
export type LockedFields = Readonly<Record<string, string>>;

export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** An empty text box means "none". */
export const nullable = (text: string): string | null => (text.trim() === '' ? null : text);

interface FieldControl {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'data-testid': string;
}

/** A labelled field with its problem shown beneath it, read out with it by screen readers. */
export function Field({
  label,
  path,
  errors,
  hint,
  children,
}: {
  readonly label: string;
  readonly path: string;
  readonly errors: SettingsErrors;
  readonly hint?: string | undefined;
  readonly children: (props: FieldControl) => React.ReactNode;
}) {
  const id = useId();
  const say = useSay();
  const problem = errors[path];
  const described = [hint === undefined ? null : `${id}-hint`, problem === undefined ? null : `${id}-error`].filter((x) => x !== null).join(' ');
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem !== undefined, 'aria-describedby': described === '' ? undefined : described, 'data-testid': `setting-${path}` })}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="settings-field__hint">
          {hint}
        </span>
      )}
      {problem !== undefined && (
        <span id={`${id}-error`} className="settings-field__error" data-testid={`error-${path}`}>
          {capital(say(problem))}
        </span>
      )}
    </div>
  );
}

/** A write-only key: whether one is set and where from, a box to type a new one, and a way to remove a saved one. */
export function KeyField(props: {
  readonly label: string;
  readonly path: string;
  readonly state: KeyState;
  readonly edit: KeyEdit;
  readonly onEdit: (edit: KeyEdit) => void;
  readonly lockedBy: string | undefined;
  readonly errors: SettingsErrors;
}) {
  const { state, edit, lockedBy } = props;
  const words = useWords().settings;
  const status = edit.kind === 'clear' ? words.keys.willBeRemoved : keyStatus(state, lockedBy, words);
  return (
    <>
      <p className="settings-key-status" data-testid={`key-status-${props.path}`}>
        {words.keys.statusLabel(props.label)}
        <strong>{status}</strong>
      </p>
      {lockedBy === undefined && (
        <Field label={state.set ? words.keys.newKey(props.label) : props.label} path={props.path} errors={props.errors}>
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={edit.kind === 'set' ? edit.value : ''}
              placeholder={state.set ? words.keys.keepPlaceholder : ''}
              onChange={(e) => props.onEdit(e.target.value === '' ? { kind: 'keep' } : { kind: 'set', value: e.target.value })}
            />
          )}
        </Field>
      )}
      {lockedBy === undefined && state.source === 'this terminal' && edit.kind !== 'clear' && (
        <button type="button" className="button button--secondary" data-testid={`clear-${props.path}`} onClick={() => props.onEdit({ kind: 'clear' })}>
          {words.keys.remove}
        </button>
      )}
    </>
  );
}

/** A text setting; read-only, saying which variable sets it, when the environment does. */
export function TextField(props: {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly errors: SettingsErrors;
  readonly locked: LockedFields;
  readonly hint?: string;
  readonly placeholder?: string;
}) {
  const lockedBy = props.locked[props.path];
  const words = useWords().settings;
  return (
    <Field label={props.label} path={props.path} errors={props.errors} hint={lockedBy === undefined ? props.hint : words.keys.setByEnvironment(lockedBy)}>
      {(field) => <input {...field} value={props.value} readOnly={lockedBy !== undefined} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}
