import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../app/i18n/languages';
import { PAIRING_CLOSE, type PairingMessage } from '../../app/ipc/pairing-constants';
import type { DisplayPairing } from '../service/pairing/display-pairing';
import type { PendingPairing } from '../service/pairing/pairing-requests';
import type { Logger } from '../service/logging/logger';
import type { TerminalApi } from '../service/terminal/terminal-api';
import { sourceKey } from '../shared/http/source-address';
import { CLOSE_POLICY } from './ws-session';

export interface PairingSocketContext {
  readonly pairing: DisplayPairing;
  /** Its own server, with a tiny message limit: an unpaired display sends nothing at all. */
  readonly wss: WebSocketServer;
  readonly log: Logger;
  readonly now: () => number;
  /** Open pairing sockets, closed with the host. */
  readonly sockets: Set<WebSocket>;
  /** The customer display's languages, for the pairing screen's words (never fails: English at worst). */
  readonly languages: () => Promise<readonly Language[]>;
}

/** A close reason fits in 123 bytes; the sentences here are short, this only makes sure. */
const reason = (text: string): string => (Buffer.byteLength(text) <= 123 ? text : text.slice(0, 40));

/**
 * An unpaired display's socket: it is shown a code, and, if the cashier approves that code, handed its
 * own token and closed. It may send nothing; it holds one request for as long as it is open, and the
 * code's expiry closes it (the page then asks again, within the per-address limits).
 */
export function upgradeToPairing(ctx: PairingSocketContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const source = sourceKey(req.socket.remoteAddress);
  ctx.wss.handleUpgrade(req, socket, head, (ws) => {
    ctx.sockets.add(ws);
    const post = (message: PairingMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    // Opened only once the handshake is done, so a broken handshake never holds a code.
    const opened = ctx.pairing.request(source, (grant) => {
      if (ws.readyState !== ws.OPEN) return false;
      post({ type: 'paired', token: grant.token, name: grant.name });
      ws.close(PAIRING_CLOSE.paired, 'Paired');
      return true;
    });
    ws.on('error', () => ws.terminate());
    if (!opened.ok) {
      const refused = opened.error;
      ctx.log.log('warn', 'pairing request refused', { source, reason: refused.message });
      ws.once('close', () => ctx.sockets.delete(ws));
      // Why, in the display's languages, before the close: the page says it in the shop's words, not English.
      void ctx.languages().then((languages) => {
        post({ type: 'pairing_refused', why: refused.why, languages });
        ws.close(PAIRING_CLOSE.refused, reason(refused.message));
      });
      return;
    }
    const pending: PendingPairing = opened.value;
    void ctx.languages().then((languages) => post({ type: 'pairing_code', code: pending.code, expiresInMs: Math.max(0, pending.expiresAt - ctx.now()), languages }));
    const expiresInMs = Math.max(0, pending.expiresAt - ctx.now());
    const expiry = setTimeout(() => ws.close(PAIRING_CLOSE.expired, 'The code expired'), expiresInMs);
    ws.on('message', () => ws.close(CLOSE_POLICY, 'An unpaired display sends nothing'));
    ws.once('close', () => {
      clearTimeout(expiry);
      pending.cancel();
      ctx.sockets.delete(ws);
    });
  });
}

const snapshotLanguages = z.object({ terminal: z.object({ language: z.object({ display: z.array(z.enum(LANGUAGES)).min(1) }) }) });

/** The display's languages, read as a display would read them; English when the terminal cannot say. */
export async function displayLanguagesOf(api: TerminalApi): Promise<readonly Language[]> {
  const answer = await api.dispatch('getSnapshot', {}, 'display').catch(() => null);
  const parsed = answer?.ok === true ? snapshotLanguages.safeParse(answer.value) : null;
  return parsed?.success === true ? parsed.data.terminal.language.display : ['en'];
}
