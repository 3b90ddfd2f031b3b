import WebSocket from 'ws';
import type { ServerMessage } from '../../app/ipc/ws-protocol';

export interface TestClient {
  readonly messages: ServerMessage[];
  /** Sends raw text and waits for the next message answering it (a result or an error). */
  sendRaw(text: string): Promise<ServerMessage>;
  command(command: unknown, args: unknown): Promise<ServerMessage>;
  close(): void;
}

/** A bare WebSocket client, to speak to the host the way a hostile or broken page might. */
export async function connect(url: string): Promise<TestClient> {
  const ws = new WebSocket(url);
  const messages: ServerMessage[] = [];
  const waiters: ((m: ServerMessage) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    messages.push(message);
    if (message.type !== 'event') waiters.shift()?.(message);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const sendRaw = (text: string) =>
    new Promise<ServerMessage>((resolve) => {
      waiters.push(resolve);
      ws.send(text);
    });
  return {
    messages,
    sendRaw,
    command: (command, args) => sendRaw(JSON.stringify({ type: 'command', id: nextId++, command, args })),
    close: () => ws.close(),
  };
}

/** Attempts a WebSocket handshake and reports how the host refused it. */
export function refusedHandshake(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => {
      ws.close();
      reject(new Error('the handshake was accepted'));
    });
    ws.on('error', () => undefined);
  });
}
