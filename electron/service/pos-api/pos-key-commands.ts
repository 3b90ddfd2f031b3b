import type { CommandHandlers } from '../terminal/dispatcher';
import type { PosApiService } from './pos-api-service';

export type PosKeyCommand = 'listPosClients' | 'createPosClient' | 'revokePosClient';

/**
 * The POS keys as the settings screen manages them, over the command contract (a manager's, where
 * staff are listed: app/ipc/access.ts). `pos` is read on each call: the API starts after the counter.
 */
export function posKeyCommands(pos: () => PosApiService): Pick<CommandHandlers, PosKeyCommand> {
  return {
    listPosClients: () => pos().commands.listPosClients(),
    createPosClient: (args) => pos().commands.createPosClient(args),
    revokePosClient: (args) => pos().commands.revokePosClient(args),
  };
}
