import type { ProviderId } from '../../../app/ipc/settings-schemas';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import { capital, KeyField, nullable, TextField } from './settings-fields';
import type { SectionProps } from './section-props';
import { typingKey } from './settings-slice';

/** The provider's "Test connection" button, and what the provider answered. */
function ConnectionTest({ provider }: { readonly provider: ProviderId }) {
  const { settings } = useActions();
  const check = useCashierStore((s) => s.settingsChecks[provider]);
  const words = useWords().settings.providers;
  const say = useSay();
  return (
    <>
      <button type="button" className="button button--secondary" data-testid={`test-${provider}`} disabled={check === 'checking'} onClick={() => void settings.testConnection(provider)}>
        {words.testConnection}
      </button>
      {check !== undefined && (
        <p className={check === 'checking' || check.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" data-testid={`connection-${provider}`}>
          {check === 'checking' ? words.asking : say(check)}
        </p>
      )}
    </>
  );
}

export function OpnSection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const editKey = useCashierStore((s) => s.editKey);
  const keys = useCashierStore((s) => s.settingsKeys);
  const opn = draft.providers.opn;
  const setOpn = (next: Partial<typeof opn>) => edit('providers', { ...draft.providers, opn: { ...opn, ...next } });
  const locked = view.locked;
  const words = useWords().settings;
  const say = words.providers;
  return (
    <fieldset className="settings-section">
      <legend>{say.opnLegend}</legend>
      <KeyField label={say.secretKey} path="credentials.opnSecretKey" state={view.keys.opn} edit={keys.opn} onEdit={(e) => editKey('opn', e)} lockedBy={locked['credentials.opnSecretKey']} errors={errors} />
      <ConnectionTest provider="opn" />
      <details className="settings-advanced">
        <summary>{words.advanced}</summary>
        <TextField label={say.baseUrl} path="providers.opn.baseUrl" value={opn.baseUrl} onChange={(baseUrl) => setOpn({ baseUrl })} errors={errors} locked={locked} hint={say.opnBaseUrlHint} />
        <TextField label={say.apiVersion} path="providers.opn.omiseVersion" value={opn.omiseVersion} onChange={(omiseVersion) => setOpn({ omiseVersion })} errors={errors} locked={locked} />
      </details>
    </fieldset>
  );
}

export function OrangepillSection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const editKey = useCashierStore((s) => s.editKey);
  const keys = useCashierStore((s) => s.settingsKeys);
  const op = draft.providers.orangepill;
  const setOp = (next: Partial<typeof op>) => edit('providers', { ...draft.providers, orangepill: { ...op, ...next } });
  const locked = view.locked;
  const words = useWords().settings;
  const say = words.providers;
  return (
    <fieldset className="settings-section">
      <legend>{say.orangepillLegend}</legend>
      <KeyField label={say.apiKey} path="credentials.orangepillApiKey" state={view.keys.orangepill} edit={keys.orangepill} onEdit={(e) => editKey('orangepill', e)} lockedBy={locked['credentials.orangepillApiKey']} errors={errors} />
      <TextField label={say.alias} path="providers.orangepill.merchantAlias" value={op.merchantAlias ?? ''} onChange={(text) => setOp({ merchantAlias: nullable(text) })} errors={errors} locked={locked} placeholder={say.aliasPlaceholder} hint={say.aliasHint} />
      <TextField label={say.store} path="providers.orangepill.store" value={op.store ?? ''} onChange={(text) => setOp({ store: nullable(text) })} errors={errors} locked={locked} hint={say.storeHint} />
      <ConnectionTest provider="orangepill" />
      <details className="settings-advanced">
        <summary>{words.advanced}</summary>
        <TextField label={say.baseUrl} path="providers.orangepill.baseUrl" value={op.baseUrl} onChange={(baseUrl) => setOp({ baseUrl })} errors={errors} locked={locked} hint={say.orangepillBaseUrlHint} />
        <TextField label={say.callbackUrl} path="providers.orangepill.callbackUrl" value={op.callbackUrl ?? ''} onChange={(text) => setOp({ callbackUrl: nullable(text) })} errors={errors} locked={locked} hint={say.callbackUrlHint} />
        <TextField label={say.merchant} path="providers.orangepill.merchant" value={op.merchant ?? ''} onChange={(text) => setOp({ merchant: nullable(text) })} errors={errors} locked={locked} />
      </details>
    </fieldset>
  );
}

/** Where keys are kept, and (where that is weak) the person's agreement, asked only while a key is typed. */
export function KeyStorageSection({ view, errors }: Omit<SectionProps, 'draft'>) {
  const keys = useCashierStore((s) => s.settingsKeys);
  const consent = useCashierStore((s) => s.settingsConsent);
  const setConsent = useCashierStore((s) => s.setSettingsConsent);
  const problem = errors['keyStorageConsent'];
  const words = useWords().settings.keys;
  const say = useSay();
  const { description, said } = view.keyStorage;
  return (
    <>
      <p className="settings-field__hint" data-testid="key-storage">
        {words.storage(say(said === undefined ? { message: description } : { message: description, said }))}
      </p>
      {typingKey(keys) && view.keyStorage.needsConsent && (
        <div className="settings-field">
          <label className="device-form__check">
            <input type="checkbox" data-testid="setting-keyStorageConsent" checked={consent} aria-invalid={problem !== undefined} onChange={(e) => setConsent(e.target.checked)} />
            {words.consent}
          </label>
          {problem !== undefined && (
            <span className="settings-field__error" data-testid="error-keyStorageConsent">
              {capital(say(problem))}
            </span>
          )}
        </div>
      )}
    </>
  );
}
