/** A POS's webhook endpoint on loopback: records each delivery and answers as the test scripts it. */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** `stall`: 200 and the start of a body that never ends. */
export type Answer = 'ok' | 'hang' | 'stall' | number | { readonly redirect: string };

export interface WebhookReceiver {
  readonly url: string;
  readonly port: number;
  readonly received: Received[];
  /** Answers for the next deliveries, in order; afterwards each is answered 'ok'. */
  script(...answers: Answer[]): void;
  close(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answer = answers.shift() ?? 'ok';
      if (answer === 'hang') return void hanging.push(res);
      if (answer === 'stall') {
        hanging.push(res);
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return void res.write('received, and now a body that never ends');
      }
      if (typeof answer === 'object') return void res.writeHead(302, { Location: answer.redirect }).end();
      res.writeHead(answer === 'ok' ? 200 : answer, { 'Content-Type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/pos-events`,
    port: actual,
    received,
    script: (...next) => void answers.push(...next),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
