import { useEffect, useState } from 'react';
import type { PosApiStatus, PosCertificateView } from '../../../app/pos-api/pos-api-status';
import type { SettingsView } from '../../../app/ipc/settings-schemas';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { withManagerApproval } from '../staff/manager-approval';
import type { Told } from '../shared/told';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import { Field } from './settings-fields';
import type { SectionProps } from './section-props';

/** Where the POS API listens (or why not) and its LAN certificate; read again after each save, and replaced on request. */
function usePosApiStatus(view: SettingsView) {
  const { api } = useActions();
  const [status, setStatus] = useState<PosApiStatus | null>(null);
  const [refusal, setRefusal] = useState<Told | null>(null);
  useEffect(() => {
    let current = true;
    void api.getPosApiStatus().then((r) => current && setStatus(r.ok ? r.value : null));
    return () => void (current = false);
  }, [api, view]);
  const renew = async (): Promise<void> => {
    const result = await withManagerApproval((approval) => api.newPosCertificate(approval));
    if (result === null) return;
    if (result.ok) setStatus(result.value);
    setRefusal(result.ok ? null : result.error);
  };
  return { status, refusal, renew };
}

/** One value a till needs, shown whole, selectable, with a button that copies it. */
function Copyable({ label, value, hint, testId }: { readonly label: string; readonly value: string; readonly hint?: string; readonly testId: string }) {
  const w = useWords().settings.posApi;
  const [copied, setCopied] = useState(false);
  return (
    <div className="settings-field pos-api__pin">
      <span>{label}</span>
      <code data-testid={testId}>{value}</code>
      {hint !== undefined && <span className="settings-field__hint">{hint}</span>}
      <button
        type="button"
        className="button button--secondary"
        data-testid={`${testId}-copy`}
        onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? w.copied : w.copy}
      </button>
    </div>
  );
}

function CertificateNote({ certificate }: { readonly certificate: PosCertificateView }) {
  const w = useWords().settings.posApi;
  const fresh = certificate.fresh;
  if (fresh === null) return null;
  const text = fresh.kind === 'replaced' ? w.replaced(fresh.reason) : fresh.kind === 'created' ? w.created : w.regenerated;
  return (
    <p className="devices-panel__answer" role="status" data-testid="pos-api-certificate-note">
      {text}
    </p>
  );
}

/** The certificate the tills pin, and a new one on request: asked twice, since every till must pin again. */
function Certificate({ certificate, onRenew }: { readonly certificate: PosCertificateView; readonly onRenew: () => Promise<void> }) {
  const w = useWords().settings.posApi;
  const locale = useCashierStore((s) => s.terminal?.locale);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="pos-api__certificate" data-testid="pos-api-certificate">
      <CertificateNote certificate={certificate} />
      <Copyable label={w.fingerprint} value={certificate.fingerprint256} testId="pos-api-fingerprint" />
      <Copyable label={w.pin} value={`sha256//${certificate.spkiPin256}`} hint={w.pinHint} testId="pos-api-pin" />
      <p className="settings-field__hint">{w.validTo(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(certificate.validTo))}</p>
      {confirming ? (
        <div role="alertdialog" aria-label={w.newCertificate} className="pos-api__confirm">
          <p>{w.confirmNew}</p>
          <button type="button" className="button button--primary" data-testid="pos-api-new-certificate-yes" onClick={() => void onRenew().then(() => setConfirming(false))}>
            {w.confirmYes}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {w.confirmNo}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" data-testid="pos-api-new-certificate" onClick={() => setConfirming(true)}>
          {w.newCertificate}
        </button>
      )}
    </div>
  );
}

/** Where it listens now (or why not), and, on the LAN, the certificate. */
function PosApiState({ view }: { readonly view: SettingsView }) {
  const { status, refusal, renew } = usePosApiStatus(view);
  const say = useSay();
  const w = useWords().settings.posApi;
  if (status === null) return null;
  return (
    <div className="pos-api__state">
      <p className={status.problem === null ? 'devices-panel__state' : 'devices-panel__answer devices-panel__answer--bad'} data-testid="pos-api-status">
        {status.problem === null ? (status.url === null ? w.off : w.listening(status.url)) : say({ message: status.problem, said: status.problemSaid })}
      </p>
      {status.certificate !== null && <Certificate certificate={status.certificate} onRenew={renew} />}
      {refusal !== null && (
        <p className="devices-panel__answer devices-panel__answer--bad" role="status" data-testid="pos-api-answer">
          {say(refusal)}
        </p>
      )}
    </div>
  );
}

/** The POS API: on or off, its port, this computer or the shop's network (over TLS), and the refund rule. */
export function PosApiSection({ view, draft, errors }: SectionProps) {
  const edit = useCashierStore((s) => s.editSettings);
  const w = useWords().settings.posApi;
  const posApi = draft.posApi;
  return (
    <fieldset className="settings-section" data-testid="pos-api">
      <legend>{w.legend}</legend>
      <label className="device-form__check">
        <input type="checkbox" data-testid="setting-posApi.enabled" checked={posApi.enabled} onChange={(e) => edit('posApi', { ...posApi, enabled: e.target.checked })} />
        {w.enabled}
      </label>
      <Field label={w.port} path="posApi.port" errors={errors} hint={w.portHint}>
        {(field) => (
          <input
            {...field}
            inputMode="numeric"
            value={Number.isNaN(posApi.port) ? '' : String(posApi.port)}
            onChange={(e) => edit('posApi', { ...posApi, port: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })}
          />
        )}
      </Field>
      <Field label={w.bind} path="posApi.bind" errors={errors} hint={posApi.bind === 'lan' ? w.lanHint : undefined}>
        {(field) => (
          <select {...field} value={posApi.bind} onChange={(e) => edit('posApi', { ...posApi, bind: e.target.value === 'lan' ? 'lan' : 'loopback' })}>
            <option value="loopback">{w.loopback}</option>
            <option value="lan">{w.lan}</option>
          </select>
        )}
      </Field>
      <label className="device-form__check">
        <input type="checkbox" data-testid="setting-posApi.allowRefunds" checked={posApi.allowRefunds} onChange={(e) => edit('posApi', { ...posApi, allowRefunds: e.target.checked })} />
        {w.allowRefunds}
      </label>
      <PosApiState view={view} />
    </fieldset>
  );
}
