import { useEffect } from 'react';
import type { SettingsForm, SettingsView } from '../../../app/ipc/settings-schemas';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import '../devices/devices-panel.css';
import './settings-panel.css';
import { StaffSettings } from '../staff/staff-settings';
import { AnswerDetails } from '../shared/answer-details';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import { CashierScreenSection, CustomerDisplaySection } from './display-sections';
import { KeyStorageSection, OpnSection, OrangepillSection } from './provider-sections';
import { saveAnswerText } from './settings-words';
import { PaymentsSection, ShopSection } from './shop-sections';
import { PosKeysSection } from './pos-keys-section';
import { PosApiSection } from './pos-api-section';

/** Save and Close, and what the last save said. */
function SettingsFooter({ onClose }: { readonly onClose: () => void }) {
  const saving = useCashierStore((s) => s.settingsSaving);
  const said = useCashierStore((s) => s.settingsAnswer);
  const words = useWords().settings;
  const say = useSay();
  const answer = said === null ? null : saveAnswerText(said, words, say);
  return (
    <div className="settings-footer">
      <div className="settings-actions">
        <button type="submit" className="button button--primary" data-testid="settings-save" disabled={saving}>
          {saving ? words.saving : words.save}
        </button>
        <button type="button" className="button button--secondary" data-testid="settings-close" onClick={onClose}>
          {words.close}
        </button>
      </div>
      {answer !== null && (
        <p className={answer.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" data-testid="settings-saved">
          {answer.text}
        </p>
      )}
      <AnswerDetails text={answer?.details} testId="settings-saved-details" />
    </div>
  );
}

/** What could not be used of what was saved before, each problem in the cashier's words where the service worded it. */
function SavedProblems({ view }: { readonly view: SettingsView }) {
  const say = useSay();
  if (view.problem === null) return null;
  // A service without the list sends the joined English only.
  const told = view.problems ?? [{ message: view.problem }];
  return (
    <div className="devices-panel__answer devices-panel__answer--bad" role="alert" data-testid="settings-problem">
      {told.map((problem, i) => (
        <p key={i}>{say(problem)}</p>
      ))}
    </div>
  );
}

/** The settings in force, as a form: each section edits the draft in the store; Save sends it all. */
function SettingsBody({ view, draft, onClose }: { readonly view: SettingsView; readonly draft: SettingsForm; readonly onClose: () => void }) {
  const { settings } = useActions();
  const errors = useCashierStore((s) => s.settingsErrors);
  const section = { view, draft, errors };
  return (
    <>
      <SavedProblems view={view} />
      <StaffSettings />
      <PosKeysSection />
      <form
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void settings.save();
        }}
      >
        <ShopSection {...section} />
        <PaymentsSection {...section} />
        <CustomerDisplaySection {...section} />
        <CashierScreenSection {...section} />
        <OpnSection {...section} />
        <OrangepillSection {...section} />
        <KeyStorageSection view={view} errors={errors} />
        <PosApiSection {...section} />
        <SettingsFooter onClose={onClose} />
      </form>
    </>
  );
}

/**
 * Everything about the terminal that is not a device: the shop, the QR's life, the customer display,
 * sounds, and the providers. Keys are write-only: the screen types one and sends it; it only ever
 * hears back whether a key is set. Saving restarts the terminal's providers with the new settings.
 */
export function SettingsPanel({ onClose }: { readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const { settings } = useActions();
  const view = useCashierStore((s) => s.settingsView);
  const draft = useCashierStore((s) => s.settingsDraft);
  const loadError = useCashierStore((s) => s.settingsLoadError);
  const errors = useCashierStore((s) => s.settingsErrors);
  const words = useWords().settings;

  useEffect(() => {
    void settings.open();
    return settings.close;
  }, [settings]);
  // After a refused save, the first field to correct comes into view with the focus on it.
  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first === null || first === undefined) return;
    first.closest('details')?.setAttribute('open', '');
    first.focus();
  }, [errors, dialog]);

  return (
    <dialog ref={dialog} className="devices-panel settings-panel" data-testid="settings-panel" aria-labelledby="settings-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="settings-title">{words.title}</h2>
      {view === null || draft === null ? (
        <>
          <p role="status">{loadError ?? words.loading}</p>
          <button type="button" className="button button--primary" data-testid="settings-close" onClick={onClose}>
            {words.close}
          </button>
        </>
      ) : (
        <SettingsBody view={view} draft={draft} onClose={onClose} />
      )}
    </dialog>
  );
}
