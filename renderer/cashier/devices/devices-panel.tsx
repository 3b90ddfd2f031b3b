import { useEffect, useState } from 'react';
import type { DeviceSettingsView, SerialPortChoice } from '../../../app/ipc/contract';
import { PoleForm, PrinterForm } from './device-settings-forms';
import { PairedDisplaysSection } from './paired-displays';
import type { DeviceReport } from '../../../app/ipc/devices';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import './devices-panel.css';
import type { PanelAnswer } from '../history/history-slice';
import { AnswerDetails } from '../shared/answer-details';
import { useModalDialog } from '../shared/use-modal-dialog';
import { deviceSavedAnswer, deviceSaveRefusal } from './device-words';
import { deviceSummary, type DeviceKey } from './device-chip';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import type { Told } from '../shared/told';
import { detailTold, printLine } from './device-told';

type Answer = PanelAnswer | null;

/** One device's section: its state in the same words as its chip in the device bar, then what the terminal says about it. */
function Section(props: { readonly title: string; readonly device: DeviceKey; readonly report: DeviceReport; readonly children: React.ReactNode }) {
  const { title, device, report, children } = props;
  const w = useWords().devices;
  const say = useSay();
  return (
    <section className="devices-panel__section" aria-label={title}>
      <h3 className="devices-panel__title">{title}</h3>
      <p className={`devices-panel__state devices-panel__state--${report.health}`}>
        <strong>{deviceSummary(device, report, w, say)}.</strong> {say(detailTold(report))}
      </p>
      <div className="devices-panel__actions">{children}</div>
    </section>
  );
}

function AnswerLine({ answer, testId }: { readonly answer: Answer; readonly testId: string }) {
  if (answer === null) return null;
  return (
    <>
      <p className={answer.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" data-testid={testId}>
        {answer.text}
      </p>
      <AnswerDetails text={answer.details} testId={`${testId}-details`} />
    </>
  );
}

/** The machine's serial ports, or why they could not be listed (worded when shown). */
type Ports = readonly SerialPortChoice[] | Told | null;

const listed = (ports: Ports): ports is readonly SerialPortChoice[] => Array.isArray(ports);

/** The pole display's test: shown, or the terminal's refusal (worded when shown). */
type PoleAnswer = { readonly ok: true } | { readonly ok: false; readonly told: Told } | null;

/** The panel's own data, read when it opens: the device settings to edit, the serial ports, and the last answers. */
function useDevicesPanelData() {
  const actions = useActions();
  const w = useWords().devices;
  const say = useSay();
  const [pole, setPole] = useState<PoleAnswer>(null);
  const [ports, setPorts] = useState<Ports>(null);
  const [draft, setDraft] = useState<DeviceSettingsView | null>(null);
  const [saved, setSaved] = useState<Answer>(null);

  useEffect(() => {
    void actions.api.getDeviceSettings().then((r) => {
      if (r.ok) setDraft(r.value);
    });
    void actions.api.listSerialPorts().then((r) => setPorts(r.ok ? r.value : r.error));
  }, [actions]);

  const save = async (): Promise<void> => {
    if (draft === null) return;
    setSaved(null);
    const result = await actions.saveDeviceSettings({ printer: draft.printer, poleDisplay: draft.poleDisplay });
    if (result === null) return;
    if (!result.ok) return setSaved(deviceSaveRefusal(result.error, w, say));
    setDraft(result.value);
    setSaved(deviceSavedAnswer(result.value.savedIn, w));
  };
  const testPole = (): void => void actions.api.testPoleDisplay().then((r) => setPole(r.ok ? { ok: true } : { ok: false, told: r.error }));
  const listPorts = (): void => void actions.api.listSerialPorts().then((r) => setPorts(r.ok ? r.value : r.error));
  return { pole, ports, draft, setDraft, saved, save, testPole, listPorts };
}

/** The printer's state, its test prints, and how the last one went. */
function PrinterChecks({ report }: { readonly report: DeviceReport }) {
  const actions = useActions();
  const takesOrangepill = useCashierStore((s) => s.terminal?.methods.some((m) => m.id === 'orangepill') ?? false);
  const lastPrint = useCashierStore((s) => (s.lastPrint !== null && s.lastPrint.paymentId === null ? s.lastPrint : null));
  const w = useWords().devices;
  const say = useSay();
  return (
    <>
      <Section title={w.names.receiptPrinter} device="printer" report={report}>
        <button type="button" className="button button--secondary" data-testid="print-test-qr" onClick={() => void actions.printTest('test_qr')}>
          {w.panel.printTestQr}
        </button>
        {takesOrangepill && (
          <button type="button" className="button button--secondary" data-testid="print-counter-card" onClick={() => void actions.printTest('counter_card')}>
            {w.panel.printCounterCard}
          </button>
        )}
      </Section>
      {lastPrint !== null && (
        <p className={`devices-panel__answer${lastPrint.outcome === 'failed' ? ' devices-panel__answer--bad' : ''}`} role="status" data-testid="test-print-outcome">
          {printLine(lastPrint, say)}
        </p>
      )}
    </>
  );
}

/** The pole display's state, its test, and the machine's serial ports. */
function PoleChecks({ report, data }: { readonly report: DeviceReport; readonly data: ReturnType<typeof useDevicesPanelData> }) {
  const { pole, ports } = data;
  const w = useWords().devices;
  const say = useSay();
  const poleAnswer: Answer = pole === null ? null : pole.ok ? { ok: true, text: w.panel.poleTestShown } : { ok: false, text: say(pole.told) };
  return (
    <>
      <Section title={w.names.poleDisplay} device="poleDisplay" report={report}>
        <button type="button" className="button button--secondary" data-testid="test-pole-display" onClick={data.testPole}>
          {w.panel.testDisplay}
        </button>
        <button type="button" className="button button--secondary" data-testid="list-serial-ports" onClick={data.listPorts}>
          {w.panel.listSerialPorts}
        </button>
      </Section>
      <AnswerLine answer={poleAnswer} testId="pole-test-outcome" />
      {ports !== null && (
        <ul className="devices-panel__ports" data-testid="serial-ports">
          {!listed(ports) ? <li>{say(ports)}</li> : ports.length === 0 ? <li>{w.panel.noSerialPorts}</li> : ports.map((p) => <li key={p.path}>{p.manufacturer === null ? p.path : `${p.path} — ${p.manufacturer}`}</li>)}
        </ul>
      )}
    </>
  );
}

/** The printer's and the pole display's settings, saved together. */
function DeviceSettingsForm({ draft, data }: { readonly draft: DeviceSettingsView; readonly data: ReturnType<typeof useDevicesPanelData> }) {
  const { ports, setDraft } = data;
  const demo = useCashierStore((s) => s.terminal?.demo ?? false);
  const w = useWords().devices;
  return (
    <form
      className="devices-panel__settings"
      onSubmit={(event) => {
        event.preventDefault();
        void data.save();
      }}
    >
      <PrinterForm value={draft.printer} demo={demo} onChange={(printer) => setDraft({ ...draft, printer })} />
      <PoleForm value={draft.poleDisplay} ports={listed(ports) ? ports : []} onChange={(poleDisplay) => setDraft({ ...draft, poleDisplay })} />
      <button type="submit" className="button button--primary" data-testid="save-devices">
        {w.panel.save}
      </button>
      <AnswerLine answer={data.saved} testId="devices-saved" />
    </form>
  );
}

/** The devices' own checks: a test QR and the counter card on the printer, the pole display's test, and the serial ports. */
export function DevicesPanel({ onClose }: { readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const devices = useCashierStore((s) => s.devices);
  const data = useDevicesPanelData();
  const w = useWords().devices;

  if (devices === null) return null;
  return (
    <dialog ref={dialog} className="devices-panel" data-testid="devices-panel" aria-labelledby="devices-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="devices-title">{w.devices}</h2>
      <PrinterChecks report={devices.printer} />
      <PoleChecks report={devices.poleDisplay} data={data} />
      <Section title={w.names.customerDisplay} device="customerDisplay" report={devices.customerDisplay}>
        {null}
      </Section>
      <PairedDisplaysSection />
      <Section title={w.names.journal} device="journal" report={devices.journal}>
        {null}
      </Section>
      {data.draft !== null && <DeviceSettingsForm draft={data.draft} data={data} />}
      <button type="button" className="button button--primary" data-testid="devices-close" onClick={onClose}>
        {w.panel.close}
      </button>
    </dialog>
  );
}
