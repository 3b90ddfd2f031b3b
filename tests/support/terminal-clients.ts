import type { ServerMessage } from '../../app/ipc/ws-protocol';
import type { InProcessTerminal } from './in-process-terminal';
import { connect, type TestClient } from './ws-client';

/** The staff the role tests list: a manager and a cashier, with their PINs. */
export const MEI = { id: 'mei', name: 'Mei', role: 'manager' as const, pin: '2468' };
export const ALI = { id: 'ali', name: 'Ali', role: 'cashier' as const, pin: '1357' };
/** Mei approving one command on the spot. */
export const MEI_APPROVES = { staffId: MEI.id, pin: MEI.pin };

export type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

export function answerOf(message: ServerMessage): Answer {
  if (message.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  return message.result;
}

/** A command's answer; for tests that look at refusals as closely as at values. */
export const run = async (c: TestClient, command: string, args: unknown = {}): Promise<Answer> => answerOf(await c.command(command, args));

/** The value of an answer that must be ok, or the failure as an error naming the code and sentence. */
export function valueOf<T>(result: Answer): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Screens of one in-process terminal, as a page (or a page bypassed) would open them; all closed by closeAll. */
export function terminalClients(terminal: () => InProcessTerminal): {
  readonly client: (role?: 'cashier' | 'display') => Promise<TestClient>;
  readonly closeAll: () => void;
} {
  const open: TestClient[] = [];
  return {
    client: async (role = 'cashier') => {
      const c = await connect(terminal().host.urls[role].replace('http', 'ws').replace(/\/(cashier|display)\/\?/, '/api?'));
      open.push(c);
      return c;
    },
    closeAll: () => {
      for (const c of open.splice(0)) c.close();
    },
  };
}
