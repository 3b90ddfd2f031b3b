import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../../app/ipc/contract';
import type { ConnectionCheck, KeyState, ProviderId, SettingsForm, SettingsView } from '../../../app/ipc/settings-schemas';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../app/i18n/languages';
import { useActions } from '../actions-context';
import '../devices/devices-panel.css';
import './settings-panel.css';
import { StaffSettings } from '../staff/staff-settings';
import { useModalDialog } from '../shared/use-modal-dialog';

type Errors = Readonly<Record<string, string>>;
type Answer = { readonly ok: boolean; readonly text: string } | null;
/** A key being typed (not yet saved), or a request to remove the stored one. */
type KeyEdit = { readonly kind: 'keep' } | { readonly kind: 'set'; readonly value: string } | { readonly kind: 'clear' };

const ADDRESS_LINES = 4;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A labelled field with its problem shown beneath it, read out with it by screen readers. */
function Field({
  label,
  path,
  errors,
  hint,
  children,
}: {
  readonly label: string;
  readonly path: string;
  readonly errors: Errors;
  readonly hint?: string | undefined;
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'data-testid': string }) => React.ReactNode;
}) {
  const id = useId();
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
          {capital(problem)}
        </span>
      )}
    </div>
  );
}

const nullable = (text: string): string | null => (text.trim() === '' ? null : text);

function keyStatus(state: KeyState, lockedBy: string | undefined): string {
  if (!state.set) return 'Not set';
  if (state.source === 'environment') return `Set by the environment variable ${lockedBy ?? ''}`.trim();
  return state.source === 'settings file' ? 'Set in the settings file' : 'Set on this terminal';
}

function KeyField(props: {
  readonly label: string;
  readonly path: string;
  readonly state: KeyState;
  readonly edit: KeyEdit;
  readonly onEdit: (edit: KeyEdit) => void;
  readonly lockedBy: string | undefined;
  readonly errors: Errors;
}) {
  const { state, edit, lockedBy } = props;
  const status = edit.kind === 'clear' ? 'Will be removed when you save' : keyStatus(state, lockedBy);
  return (
    <>
      <p className="settings-key-status" data-testid={`key-status-${props.path}`}>
        {props.label}: <strong>{status}</strong>
      </p>
      {lockedBy === undefined && (
        <Field label={state.set ? `New ${props.label.toLowerCase()} (replaces the one in force)` : props.label} path={props.path} errors={props.errors}>
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={edit.kind === 'set' ? edit.value : ''}
              placeholder={state.set ? 'Leave empty to keep it' : ''}
              onChange={(e) => props.onEdit(e.target.value === '' ? { kind: 'keep' } : { kind: 'set', value: e.target.value })}
            />
          )}
        </Field>
      )}
      {lockedBy === undefined && state.source === 'this terminal' && edit.kind !== 'clear' && (
        <button type="button" className="button button--secondary" data-testid={`clear-${props.path}`} onClick={() => props.onEdit({ kind: 'clear' })}>
          Remove the saved key
        </button>
      )}
    </>
  );
}

function TextField(props: {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly errors: Errors;
  readonly locked: Readonly<Record<string, string>>;
  readonly hint?: string;
  readonly placeholder?: string;
}) {
  const lockedBy = props.locked[props.path];
  return (
    <Field label={props.label} path={props.path} errors={props.errors} hint={lockedBy === undefined ? props.hint : `Set by the environment variable ${lockedBy}`}>
      {(field) => <input {...field} value={props.value} readOnly={lockedBy !== undefined} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}

function minutesHint(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'From 30 seconds to 12 hours';
  const minutes = seconds / 60;
  return `${Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1)} minutes; from 30 seconds to 12 hours`;
}

/**
 * Everything about the terminal that is not a device: the shop, the QR's life, the customer display,
 * sounds, and the providers. Keys are write-only: the screen types one and sends it; it only ever
 * hears back whether a key is set. Saving restarts the terminal's providers with the new settings.
 */
export function SettingsPanel({ onClose }: { readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const actions = useActions();
  const [view, setView] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [answer, setAnswer] = useState<Answer>(null);
  const [saving, setSaving] = useState(false);
  const [keys, setKeys] = useState<Readonly<Record<ProviderId, KeyEdit>>>({ opn: { kind: 'keep' }, orangepill: { kind: 'keep' } });
  const [consent, setConsent] = useState(false);
  const [checks, setChecks] = useState<Readonly<Partial<Record<ProviderId, ConnectionCheck | 'checking'>>>>({});

  const adopt = (next: SettingsView): void => {
    setView(next);
    setDraft(next.values);
  };
  useEffect(() => {
    void actions.getSettings().then((r) => (r.ok ? adopt(r.value) : setLoadError(r.error.message)));
  }, [actions]);
  // After a refused save, the first field to correct comes into view with the focus on it.
  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first === null || first === undefined) return;
    first.closest('details')?.setAttribute('open', '');
    first.focus();
  }, [errors, dialog]);

  if (view === null || draft === null) {
    return (
      <dialog ref={dialog} className="devices-panel settings-panel" data-testid="settings-panel" aria-labelledby="settings-title" onCancel={(e) => e.preventDefault()}>
        <h2 id="settings-title">Settings</h2>
        <p role="status">{loadError ?? 'Loading the settings…'}</p>
        <button type="button" className="button button--primary" data-testid="settings-close" onClick={onClose}>
          Close (Esc)
        </button>
      </dialog>
    );
  }

  const locked = view.locked;
  const monitors = view.monitors;
  // Any change makes the last "Saved" stale, so it goes.
  const set = <K extends keyof SettingsForm>(section: K, value: SettingsForm[K]): void => {
    setDraft({ ...draft, [section]: value });
    setAnswer(null);
  };
  const merchant = draft.merchant;
  const opn = draft.providers.opn;
  const op = draft.providers.orangepill;
  const setOpn = (next: Partial<typeof opn>) => set('providers', { ...draft.providers, opn: { ...opn, ...next } });
  const setOp = (next: Partial<typeof op>) => set('providers', { ...draft.providers, orangepill: { ...op, ...next } });
  const [first = 'en', second = null] = draft.language.display;
  const setLanguages = (primary: Language, secondary: Language | null) =>
    set('language', { ...draft.language, display: secondary === null || secondary === primary ? [primary] : [primary, secondary] });
  const typingKey = keys.opn.kind === 'set' || keys.orangepill.kind === 'set';
  const editKey = (provider: ProviderId) => (edit: KeyEdit) => {
    setKeys({ ...keys, [provider]: edit });
    setAnswer(null);
    setChecks({ ...checks, [provider]: undefined });
  };

  const credential = (edit: KeyEdit): string | null | undefined => (edit.kind === 'keep' ? undefined : edit.kind === 'set' ? edit.value : null);
  const save = async (): Promise<void> => {
    setSaving(true);
    setAnswer(null);
    const opnKey = credential(keys.opn);
    const opKey = credential(keys.orangepill);
    const result = await actions.saveSettings({
      ...draft,
      merchant: { ...merchant, addressLines: merchant.addressLines.filter((line) => line.trim() !== '') },
      ...(opnKey === undefined && opKey === undefined
        ? {}
        : { credentials: { ...(opnKey === undefined ? {} : { opnSecretKey: opnKey }), ...(opKey === undefined ? {} : { orangepillApiKey: opKey }) } }),
      ...(typingKey ? { keyStorageConsent: consent } : {}),
    });
    setSaving(false);
    if (result === null) return;
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setAnswer({ ok: false, text: describeRefusal(result.error) });
      return;
    }
    adopt(result.value);
    setErrors({});
    setKeys({ opn: { kind: 'keep' }, orangepill: { kind: 'keep' } });
    setConsent(false);
    setAnswer({
      ok: true,
      text:
        result.value.savedIn === null
          ? 'Saved for this run (this terminal keeps no settings file); the terminal restarted with them'
          : `Saved in ${result.value.savedIn}; the terminal restarted with them`,
    });
  };

  const test = async (provider: ProviderId): Promise<void> => {
    setChecks({ ...checks, [provider]: 'checking' });
    const typed = keys[provider];
    const baseUrl = provider === 'opn' ? opn.baseUrl : op.baseUrl;
    const result = await actions.testConnection({ provider, ...(typed.kind === 'set' ? { key: typed.value } : {}), ...(baseUrl.trim() === '' ? {} : { baseUrl }) });
    setChecks((now) => ({ ...now, [provider]: result === null ? undefined : result.ok ? result.value : { provider, ok: false, message: result.error.message } }));
  };
  /** The provider's "Test connection" button, and what the provider answered. */
  const connectionTest = (provider: ProviderId) => {
    const check = checks[provider];
    return (
      <>
        <button type="button" className="button button--secondary" data-testid={`test-${provider}`} disabled={check === 'checking'} onClick={() => void test(provider)}>
          Test connection
        </button>
        {check !== undefined && (
          <p
            className={check === 'checking' || check.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'}
            role="status"
            data-testid={`connection-${provider}`}
          >
            {check === 'checking' ? 'Asking the provider…' : check.message}
          </p>
        )}
      </>
    );
  };

  return (
    <dialog ref={dialog} className="devices-panel settings-panel" data-testid="settings-panel" aria-labelledby="settings-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="settings-title">Settings</h2>
      {view.problem !== null && (
        <p className="devices-panel__answer devices-panel__answer--bad" role="alert" data-testid="settings-problem">
          {view.problem}
        </p>
      )}
      <StaffSettings />
      <form
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="settings-section">
          <legend>Shop</legend>
          <TextField label="Shop name" path="merchant.name" value={merchant.name} onChange={(name) => set('merchant', { ...merchant, name })} errors={errors} locked={locked} hint="On the screens, the receipts and the pole display; up to 40 characters" />
          <TextField
            label="Logo text"
            path="merchant.logoText"
            value={merchant.logoText ?? ''}
            onChange={(text) => set('merchant', { ...merchant, logoText: nullable(text) })}
            errors={errors}
            locked={locked}
            hint="Printed large above the name on receipts; up to 16 characters, or empty for none"
          />
          {Array.from({ length: ADDRESS_LINES }, (_, index) => (
            <TextField
              key={index}
              label={`Address line ${String(index + 1)}`}
              path={`merchant.addressLines.${String(index)}`}
              value={merchant.addressLines[index] ?? ''}
              onChange={(text) => {
                const lines = Array.from({ length: ADDRESS_LINES }, (_, i) => (i === index ? text : (merchant.addressLines[i] ?? '')));
                set('merchant', { ...merchant, addressLines: lines.slice(0, Math.max(...lines.map((l, i) => (l === '' ? 0 : i + 1)), 0)) });
              }}
              errors={errors}
              locked={locked}
              {...(index === 0 ? { hint: 'Printed under the name: address, phone, tax number; up to 48 characters each' } : {})}
            />
          ))}
        </fieldset>

        <fieldset className="settings-section">
          <legend>Payments</legend>
          <Field label="QR code expires after (seconds)" path="payment.qrExpirySeconds" errors={errors} hint={minutesHint(draft.payment.qrExpirySeconds)}>
            {(field) => (
              <input
                {...field}
                inputMode="numeric"
                value={Number.isNaN(draft.payment.qrExpirySeconds) ? '' : String(draft.payment.qrExpirySeconds)}
                onChange={(e) => set('payment', { qrExpirySeconds: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className="settings-section">
          <legend>Customer display</legend>
          <Field label="Language" path="language.display" errors={errors}>
            {(field) => (
              <select {...field} value={first} onChange={(e) => setLanguages(e.target.value as Language, second)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Second language, shown smaller beneath" path="language.display.1" errors={errors}>
            {(field) => (
              <select {...field} value={second ?? ''} onChange={(e) => setLanguages(first, e.target.value === '' ? null : (e.target.value as Language))}>
                <option value="">None</option>
                {LANGUAGES.filter((l) => l !== first).map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {monitors === null ? (
            <p className="settings-field__hint" data-testid="monitor-web">
              In web mode the customer display is the page at <code>/display/</code>: open its link on the screen the customer faces.
            </p>
          ) : (
            <Field label="Monitor" path="customerDisplay.displayId" errors={errors}>
              {(field) => (
                <select
                  {...field}
                  value={draft.customerDisplay.displayId === null ? '' : String(draft.customerDisplay.displayId)}
                  onChange={(e) => set('customerDisplay', { displayId: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="">The first monitor that is not the cashier&apos;s</option>
                  {monitors.map((m) => (
                    <option key={m.id} value={String(m.id)}>
                      {m.label}
                      {m.primary ? ' (the cashier’s)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </fieldset>

        <fieldset className="settings-section">
          <legend>Cashier screen</legend>
          <label className="device-form__check">
            <input type="checkbox" data-testid="setting-sounds.enabled" checked={draft.sounds.enabled} onChange={(e) => set('sounds', { enabled: e.target.checked })} />
            Play a tone when a payment is paid or fails
          </label>
          {view.monitors !== null && (
            <label className="device-form__check">
              <input type="checkbox" data-testid="setting-startup.openAtLogin" checked={draft.startup.openAtLogin} onChange={(e) => set('startup', { openAtLogin: e.target.checked })} />
              Start the terminal when this computer&apos;s user logs in
            </label>
          )}
          <p className="settings-field__hint">The cashier screen is in English (the only cashier language so far).</p>
        </fieldset>

        <fieldset className="settings-section">
          <legend>Opn Payments — Atome QR</legend>
          <KeyField label="Secret key" path="credentials.opnSecretKey" state={view.keys.opn} edit={keys.opn} onEdit={editKey('opn')} lockedBy={locked['credentials.opnSecretKey']} errors={errors} />
          {connectionTest('opn')}
          <details className="settings-advanced">
            <summary>Advanced</summary>
            <TextField label="API base URL" path="providers.opn.baseUrl" value={opn.baseUrl} onChange={(baseUrl) => setOpn({ baseUrl })} errors={errors} locked={locked} hint="https://api.omise.co unless Opn says otherwise" />
            <TextField label="API version" path="providers.opn.omiseVersion" value={opn.omiseVersion} onChange={(omiseVersion) => setOpn({ omiseVersion })} errors={errors} locked={locked} />
          </details>
        </fieldset>

        <fieldset className="settings-section">
          <legend>Orangepill</legend>
          <KeyField label="API key" path="credentials.orangepillApiKey" state={view.keys.orangepill} edit={keys.orangepill} onEdit={editKey('orangepill')} lockedBy={locked['credentials.orangepillApiKey']} errors={errors} />
          <TextField label="Shop alias" path="providers.orangepill.merchantAlias" value={op.merchantAlias ?? ''} onChange={(text) => setOp({ merchantAlias: nullable(text) })} errors={errors} locked={locked} placeholder="@my_shop" hint="Where every payment request is paid to" />
          <TextField label="Store name on requests" path="providers.orangepill.store" value={op.store ?? ''} onChange={(text) => setOp({ store: nullable(text) })} errors={errors} locked={locked} hint="Empty: the shop name" />
          {connectionTest('orangepill')}
          <details className="settings-advanced">
            <summary>Advanced</summary>
            <TextField label="API base URL" path="providers.orangepill.baseUrl" value={op.baseUrl} onChange={(baseUrl) => setOp({ baseUrl })} errors={errors} locked={locked} hint="https://api.orangepill.cloud unless Orangepill says otherwise" />
            <TextField label="Callback URL" path="providers.orangepill.callbackUrl" value={op.callbackUrl ?? ''} onChange={(text) => setOp({ callbackUrl: nullable(text) })} errors={errors} locked={locked} hint="Where Orangepill tells the terminal of a change; empty for none (polling alone)" />
            <TextField label="Merchant on requests" path="providers.orangepill.merchant" value={op.merchant ?? ''} onChange={(text) => setOp({ merchant: nullable(text) })} errors={errors} locked={locked} />
          </details>
        </fieldset>

        <p className="settings-field__hint" data-testid="key-storage">
          Keys: {view.keyStorage.description}.
        </p>
        {typingKey && view.keyStorage.needsConsent && (
          <div className="settings-field">
            <label className="device-form__check">
              <input type="checkbox" data-testid="setting-keyStorageConsent" checked={consent} aria-invalid={errors['keyStorageConsent'] !== undefined} onChange={(e) => setConsent(e.target.checked)} />
              Keep the key here, knowing it is not encrypted
            </label>
            {errors['keyStorageConsent'] !== undefined && (
              <span className="settings-field__error" data-testid="error-keyStorageConsent">
                {capital(errors['keyStorageConsent'])}
              </span>
            )}
          </div>
        )}

        <div className="settings-footer">
        <div className="settings-actions">
          <button type="submit" className="button button--primary" data-testid="settings-save" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <button type="button" className="button button--secondary" data-testid="settings-close" onClick={onClose}>
            Close (Esc)
          </button>
        </div>
        {answer !== null && (
          <p className={answer.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" data-testid="settings-saved">
            {answer.text}
          </p>
        )}
        </div>
      </form>
    </dialog>
  );
}

/** The sentence above the form: for field problems, how many to fix (each is shown at its field). */
function describeRefusal(error: ApiError): string {
  const count = Object.keys(error.fields ?? {}).length;
  if (error.code === 'invalid_args' && count > 0) {
    return `Nothing was saved: ${count === 1 ? 'one setting needs' : `${String(count)} settings need`} correcting, as shown at ${count === 1 ? 'its field' : 'each field'}`;
  }
  return error.message;
}
