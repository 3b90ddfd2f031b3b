import { createWebhookSender, type WebhookRecord } from '../webhook-sender';

/** One callback the simulator POSTed (or refused to), as a test inspects it; its body is `{"id":"…"}`. */
export type OrangepillCallbackRecord = WebhookRecord;

export interface CallbackSender {
  send(url: string, id: string): void;
  records(): readonly OrangepillCallbackRecord[];
  /** Aborts callbacks still in flight and waits for them to settle. */
  close(): Promise<void>;
}

/**
 * Sends Orangepill's status-change callback, fire-and-forget as the platform does. Only to loopback
 * hosts by default: a simulator must never become a way to make this machine POST anywhere.
 */
export function createCallbackSender(allowedHosts: readonly string[]): CallbackSender {
  const sender = createWebhookSender(allowedHosts);
  return {
    send: (url, id) => sender.send(url, JSON.stringify({ id })),
    records: () => sender.records(),
    close: () => sender.close(),
  };
}
