import { actorsOf, type AuditWriter } from '../journal/audit-writer';
import type { CommandHandlers } from '../terminal/dispatcher';
import type { PosApiService } from './pos-api-service';

export type PosKeyCommand = 'listPosClients' | 'createPosClient' | 'revokePosClient' | 'getPosOffer' | 'takePosOffer' | 'declinePosOffer';

/**
 * The POS keys as the settings screen manages them, over the command contract (a manager's, where
 * staff are listed: app/ipc/access.ts). Making and revoking a key go in the journal's audit with who
 * did it, never the key. The cashier also answers a till's request offered for a choice of method.
 * `pos` is read on each call: the API starts after the counter.
 */
export function posKeyCommands(pos: () => PosApiService, audit: AuditWriter): Pick<CommandHandlers, PosKeyCommand> {
  return {
    listPosClients: () => pos().commands.listPosClients(),
    createPosClient: async (args, context) => {
      const made = await pos().commands.createPosClient(args);
      if (made.ok) audit({ action: 'pos_key_made', ...actorsOf(context), detail: { id: made.value.client.id, name: made.value.client.name, scopes: made.value.client.scopes } });
      return made;
    },
    revokePosClient: async (args, context) => {
      const revoked = await pos().commands.revokePosClient(args);
      if (revoked.ok) audit({ action: 'pos_key_revoked', ...actorsOf(context), detail: { id: revoked.value.id, name: revoked.value.name } });
      return revoked;
    },
    // A till's request for which the cashier chooses the method (app/pos-api/pos-offer.ts).
    getPosOffer: () => Promise.resolve({ ok: true, value: pos().offer() }),
    takePosOffer: (args) => pos().commands.takePosOffer(args),
    declinePosOffer: (args) => Promise.resolve(pos().commands.declinePosOffer(args)),
  };
}
