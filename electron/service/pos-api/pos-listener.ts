import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PosListenSaid } from '../../../app/i18n/said/settings';
import type { PosApiStatus } from '../../../app/pos-api/pos-api-status';
import type { Settings } from '../../../app/settings/settings';
import type { Logger } from '../logging/logger';
import { listenPos, type PosLimits, type PosListener, type PosTls } from './pos-server';
import { posCertificates } from './tls/pos-certificate';

type Handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => void;
type PosSettings = Settings['posApi'];

const sameListener = (a: PosSettings, b: PosSettings): boolean => a.port === b.port && a.bind === b.bind && a.address === b.address;

/**
 * The listener that follows the settings: off, plain http on loopback, or https on the LAN with the
 * terminal's own certificate (kept in the data folder so the tills' pins hold across restarts).
 * There is no LAN without TLS: a certificate that cannot be read or made leaves it listening on
 * nothing, with the reason in `problem`.
 */
export function posListener(options: { readonly dataDir: string | null; readonly tls?: PosTls; readonly log: Logger; readonly settings: () => Settings }, limits: PosLimits, handle: Handle) {
  const certificates = posCertificates({ dataDir: options.dataDir, log: options.log, ...(options.tls === undefined ? {} : { given: options.tls }) });
  let listener: PosListener | null = null;
  let listening: PosSettings | null = null;
  let problem: string | null = null;
  let problemSaid: PosListenSaid | null = null;

  const stop = async (): Promise<void> => {
    await listener?.close();
    listener = null;
    listening = null;
  };

  const apply = async (next: PosSettings): Promise<void> => {
    if (listening !== null && next.enabled && sameListener(listening, next)) return;
    await stop();
    problem = null;
    problemSaid = null;
    if (!next.enabled) return;
    let tls: PosTls | undefined;
    if (next.bind === 'lan') {
      const certificate = await certificates.load();
      if (!certificate.ok) {
        problem = certificate.problem;
        problemSaid = certificate.said;
        options.log.log('error', 'POS API not started', { problem });
        return;
      }
      tls = certificate.value.tls;
    }
    const host = next.bind === 'lan' ? (next.address ?? '0.0.0.0') : '127.0.0.1';
    try {
      listener = await listenPos({ host, port: next.port, limits, ...(tls === undefined ? {} : { tls }), handle });
      listening = next;
      options.log.log('info', 'POS API listening', { url: listener.url });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problem = `The POS API cannot listen on ${host} port ${String(next.port)}: ${reason}`;
      const inUse = (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
      problemSaid = { area: 'settings', kind: 'pos_cannot_listen', host, port: next.port, inUse, reason };
      options.log.log('error', 'POS API not started', { problem });
    }
  };

  /** What the settings screen shows; the certificate only while the API is set to the LAN. */
  const status = async (): Promise<PosApiStatus> => {
    const posApi = options.settings().posApi;
    const lan = posApi.enabled && posApi.bind === 'lan';
    const certificate = lan ? await certificates.load() : null;
    return { url: listener?.url ?? null, problem, ...(problemSaid === null ? {} : { problemSaid }), certificate: certificate?.ok === true ? certificate.value.view : null };
  };

  return {
    apply,
    status,
    url: () => listener?.url ?? null,
    problem: () => problem,
    /** The same as a `Said`, for the settings screen's language. */
    problemSaid: () => problemSaid,
    /** A new certificate, in use at once for new connections: every till must pin it again. */
    regenerate: async (): Promise<{ readonly ok: true; readonly value: PosApiStatus } | { readonly ok: false; readonly problem: string }> => {
      const made = await certificates.regenerate();
      if (!made.ok) return made;
      // The one in use after every making queued so far, whichever call this is.
      if (listener !== null && listening?.bind === 'lan') listener.replaceTls(certificates.current()?.tls ?? made.value.tls);
      else if (problem !== null) await apply(options.settings().posApi);
      return { ok: true, value: await status() };
    },
    close: stop,
  };
}
