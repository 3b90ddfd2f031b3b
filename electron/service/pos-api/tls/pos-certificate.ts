import { createHash, X509Certificate } from 'node:crypto';
import type { PosCertificateView } from '../../../../app/pos-api/pos-api-status';
import type { Logger } from '../../logging/logger';
import type { PosTls } from '../pos-server';
import { loadOrCreateTlsIdentity, regenerateTlsIdentity, type TlsIdentity } from './tls-identity';
import type { PosListenSaid } from '../../../../app/i18n/said/settings';

/** The LAN listener's certificate and what the settings screen shows of it (never the key). */
export interface PosCertificate {
  readonly tls: PosTls;
  readonly view: PosCertificateView;
}

export type CertificateResult = { readonly ok: true; readonly value: PosCertificate } | { readonly ok: false; readonly problem: string; readonly said: PosListenSaid };

function freshOf(replaced: TlsIdentity['replaced']): PosCertificateView['fresh'] {
  if (replaced === null) return null;
  if (replaced.reason === 'created') return { kind: 'created' };
  if (replaced.reason.startsWith('regenerated')) return { kind: 'regenerated' };
  return { kind: 'replaced', reason: replaced.reason };
}

/** A certificate given whole (a test's, or a shell's): its public identity read from it. */
export function givenCertificate(tls: PosTls): PosCertificate {
  const x509 = new X509Certificate(tls.cert);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return {
    tls,
    view: { fingerprint256: x509.fingerprint256, spkiPin256: createHash('sha256').update(spki).digest('base64'), validTo: new Date(x509.validTo).getTime(), fresh: null },
  };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The terminal's own certificate in the data folder, read once and kept: made when missing, replaced
 * (and said) when unusable. A folder that cannot be read or written is a problem, never a crash.
 */
export function posCertificates(options: { readonly dataDir: string | null; readonly given?: PosTls; readonly log: Logger }) {
  let current: PosCertificate | null = options.given === undefined ? null : givenCertificate(options.given);
  const noFolder = 'The POS API listens on the LAN only over TLS, with a certificate kept in the data folder, and this terminal runs without one: it listens on nothing. Use "loopback" for a till on this machine';

  const settle = async (make: (dir: string) => Promise<TlsIdentity>): Promise<CertificateResult> => {
    if (options.dataDir === null) return { ok: false, problem: noFolder, said: { area: 'settings', kind: 'pos_lan_no_folder' } };
    try {
      const identity = await make(options.dataDir);
      const view = { ...givenCertificate({ key: identity.key, cert: identity.cert }).view, fresh: freshOf(identity.replaced) };
      if (view.fresh?.kind === 'replaced') options.log.log('warn', 'POS API certificate replaced: the tills must pin the new fingerprint', { reason: view.fresh.reason, fingerprint256: view.fingerprint256 });
      else if (view.fresh !== null) options.log.log('info', 'POS API certificate made', { fingerprint256: view.fingerprint256 });
      current = { tls: { key: identity.key, cert: identity.cert }, view };
      return { ok: true, value: current };
    } catch (error) {
      const reason = describe(error);
      const problem = `The POS API cannot listen on the LAN: its certificate could not be read or made (${reason})`;
      options.log.log('error', 'POS API certificate unusable', { problem });
      return { ok: false, problem, said: { area: 'settings', kind: 'pos_certificate_unusable', reason } };
    }
  };

  // One at a time: two makings at once would write one's key beside the other's certificate.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = (run: () => Promise<CertificateResult>): Promise<CertificateResult> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    /** The certificate in use, read or made on first need. */
    load: (): Promise<CertificateResult> => inTurn(() => (current === null ? settle((dir) => loadOrCreateTlsIdentity(dir)) : Promise.resolve({ ok: true, value: current }))),
    /** The one in use, if any has been read yet. */
    current: (): PosCertificate | null => current,
    /** A new key and certificate; the old pair is set aside in the data folder. */
    regenerate: (): Promise<CertificateResult> => inTurn(() => settle((dir) => regenerateTlsIdentity(dir))),
  };
}

export type PosCertificates = ReturnType<typeof posCertificates>;
