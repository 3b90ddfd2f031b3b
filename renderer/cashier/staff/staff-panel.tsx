import type { StaffView } from '../../../app/ipc/staff-schemas';
import { viewWarningText } from './staff-words';
import { useSay } from '../shared/use-say';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useWords } from '../words/use-words';
import { RefundRuleField } from './refund-rule-field';
import type { StaffDraft } from './staff-draft';
import { StaffRow } from './staff-row';
import { useStaffEditor, type StaffEditor } from './use-staff-editor';
import './staff-panel.css';

/** The people listed, each to edit or remove, a way to add one, and when a refund needs a manager. */
function StaffBody({ view, draft, editor }: { readonly view: StaffView; readonly draft: StaffDraft; readonly editor: StaffEditor }) {
  const { problems } = editor;
  const staffWords = useWords().staff;
  const say = useSay();
  const words = staffWords.panel;
  return (
    <div className="staff-panel__body">
      {view.warning !== null && (
        <p className="staff-warning" role="alert" data-testid="staff-panel-warning">
          {viewWarningText(view, staffWords, say)}
        </p>
      )}
      {draft.members.length === 0 ? (
        <p data-testid="staff-empty">{words.empty}</p>
      ) : (
        draft.members.map((member, index) => (
          <StaffRow
            key={member.key}
            member={member}
            index={index}
            problems={problems}
            onChange={(next) => editor.setMember(draft, index, next)}
            onRemove={() => editor.remove(draft, index)}
          />
        ))
      )}
      <button type="button" className="button button--secondary staff-panel__add" data-testid="staff-add" onClick={() => editor.add(draft)}>
        {words.add}
      </button>
      {draft.members.length > 0 && (
        <RefundRuleField
          rule={draft.rule}
          threshold={draft.threshold}
          currency={editor.currency}
          problem={problems['threshold']}
          onChange={(rule, threshold) => editor.setRule(draft, rule, threshold)}
        />
      )}
    </div>
  );
}

/** Save, and what the last save said. */
function StaffFoot({ editor }: { readonly editor: StaffEditor }) {
  const { saving, answer } = editor;
  const words = useWords().staff.panel;
  return (
    <div className="staff-panel__foot">
      <button type="submit" className="button button--primary" data-testid="staff-save" disabled={saving}>
        {saving ? words.saving : words.save}
      </button>
      {answer !== null && (
        <p className={answer.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" data-testid="staff-saved">
          {answer.text}
        </p>
      )}
    </div>
  );
}

/**
 * The staff list: add, rename, change a role, set a new PIN (typed twice), remove; and when a refund
 * needs a manager. Saving sends the whole list; main checks it (a manager must be listed) and asks a
 * manager's PIN when a cashier saves. With nobody listed, it says plainly what is unprotected.
 */
export function StaffPanel({ onClose }: { readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const words = useWords().staff;
  const editor = useStaffEditor();
  const { view, draft } = editor;

  if (view === null || draft === null) {
    return (
      <dialog ref={dialog} className="staff-panel" data-testid="staff-panel" aria-labelledby="staff-title" onCancel={(e) => e.preventDefault()}>
        <h2 id="staff-title">{words.staff}</h2>
        <p role="status">{words.panel.reading}</p>
      </dialog>
    );
  }

  return (
    <dialog ref={dialog} className="staff-panel" data-testid="staff-panel" aria-labelledby="staff-title" onCancel={(e) => e.preventDefault()}>
      <form
        className="staff-panel__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void editor.save(draft);
        }}
      >
        <div className="staff-panel__head">
          <h2 id="staff-title">{words.panel.title}</h2>
          <button type="button" className="button button--secondary" data-testid="staff-close" onClick={onClose}>
            {words.panel.close}
          </button>
        </div>
        <StaffBody view={view} draft={draft} editor={editor} />
        <StaffFoot editor={editor} />
      </form>
    </dialog>
  );
}
