import { actorsOf, type AuditWriter } from '../journal/audit-writer';
import type { CommandHandlers } from '../terminal/dispatcher';
import type { PosApiService } from './pos-api-service';

export type PosTlsCommand = 'getPosApiStatus' | 'newPosCertificate';

/**
 * The POS API's listener and LAN certificate on the settings screen: where it listens (or why not),
 * the fingerprint and public-key pin the tills need, and a new certificate (a manager's, where staff
 * are listed). Replacing the certificate goes in the journal's audit, with the new fingerprint (public).
 */
export function posTlsCommands(pos: () => PosApiService, audit: AuditWriter): Pick<CommandHandlers, PosTlsCommand> {
  return {
    getPosApiStatus: () => pos().commands.getPosApiStatus(),
    newPosCertificate: async (_args, context) => {
      const made = await pos().commands.newPosCertificate();
      if (made.ok) audit({ action: 'pos_certificate_replaced', ...actorsOf(context), detail: { fingerprint256: made.value.certificate?.fingerprint256 ?? null } });
      return made;
    },
  };
}
