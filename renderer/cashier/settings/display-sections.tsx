import type { MonitorChoice } from '../../../app/ipc/settings-schemas';
import { CASHIER_LANGUAGES, LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../app/i18n/languages';
import { useCashierStore } from '../cashier-store';
import { useWords } from '../words/use-words';
import { Field } from './settings-fields';
import type { SectionProps } from './section-props';

/** The monitor the customer display goes to (Electron); in web mode, where to open it instead. */
function MonitorField({ draft, errors, monitors }: Omit<SectionProps, 'view'> & { readonly monitors: readonly MonitorChoice[] | null }) {
  const edit = useCashierStore((s) => s.editSettings);
  const words = useWords().settings.display;
  if (monitors === null) {
    return (
      <p className="settings-field__hint" data-testid="monitor-web">
        {words.webBefore}
        <code>/display/</code>
        {words.webAfter}
      </p>
    );
  }
  return (
    <Field label={words.monitor} path="customerDisplay.displayId" errors={errors}>
      {(field) => (
        <select
          {...field}
          value={draft.customerDisplay.displayId === null ? '' : String(draft.customerDisplay.displayId)}
          onChange={(e) => edit('customerDisplay', { displayId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{words.firstOtherMonitor}</option>
          {monitors.map((m) => (
            <option key={m.id} value={String(m.id)}>
              {m.label}
              {m.primary ? words.cashiersMonitor : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The customer display's languages (a second one shown smaller) and its monitor. */
export function CustomerDisplaySection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const words = useWords().settings.display;
  const [first = 'en', second = null] = draft.language.display;
  const setLanguages = (primary: Language, secondary: Language | null) =>
    edit('language', { ...draft.language, display: secondary === null || secondary === primary ? [primary] : [primary, secondary] });
  return (
    <fieldset className="settings-section">
      <legend>{words.legend}</legend>
      <Field label={words.language} path="language.display" errors={errors}>
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
      <Field label={words.secondLanguage} path="language.display.1" errors={errors}>
        {(field) => (
          <select {...field} value={second ?? ''} onChange={(e) => setLanguages(first, e.target.value === '' ? null : (e.target.value as Language))}>
            <option value="">{words.noSecondLanguage}</option>
            {LANGUAGES.filter((l) => l !== first).map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MonitorField draft={draft} errors={errors} monitors={view.monitors} />
    </fieldset>
  );
}

/** Sounds, and (in Electron) starting with the computer. */
export function CashierScreenSection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const words = useWords().settings.cashierScreen;
  return (
    <fieldset className="settings-section">
      <legend>{words.legend}</legend>
      <label className="device-form__check">
        <input type="checkbox" data-testid="setting-sounds.enabled" checked={draft.sounds.enabled} onChange={(e) => edit('sounds', { enabled: e.target.checked })} />
        {words.sounds}
      </label>
      {view.monitors !== null && (
        <label className="device-form__check">
          <input type="checkbox" data-testid="setting-startup.openAtLogin" checked={draft.startup.openAtLogin} onChange={(e) => edit('startup', { openAtLogin: e.target.checked })} />
          {words.openAtLogin}
        </label>
      )}
      <Field label={words.language} path="language.cashier" errors={errors}>
        {(field) => (
          <select {...field} value={draft.language.cashier} onChange={(e) => edit('language', { ...draft.language, cashier: e.target.value as Language })}>
            {CASHIER_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
