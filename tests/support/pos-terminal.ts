import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PosScope } from '../../app/pos-api/checkout-schemas';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import type { PosLimits } from '../../electron/service/pos-api/pos-server';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { TEST_DEMO_KEY } from './in-process-terminal';

/** The real terminal service (demo simulators, a real journal in a temporary folder) with its POS API on loopback. */
export interface PosTerminal {
  readonly service: TerminalService;
  readonly url: string;
  readonly dataDir: string;
  readonly logLines: string[];
  /** A key made as the settings screen makes it (the createPosClient command). */
  key(name: string, scopes: readonly PosScope[]): Promise<{ readonly key: string; readonly clientId: string }>;
  /** One request, with the key and an optional Idempotency-Key. */
  call(method: string, path: string, options?: { readonly key?: string; readonly idem?: string; readonly body?: unknown; readonly headers?: Record<string, string> }): Promise<Response>;
  /** Tells the simulator what the customer did, as the demo controls do. */
  simulate(paymentId: string, outcome: 'paid' | 'partial' | 'failed' | 'expired'): Promise<void>;
  close(): Promise<void>;
}

export async function startPosTerminal(settings: Record<string, unknown> = {}, options: { readonly dataDir?: string; readonly limits?: Partial<PosLimits> } = {}): Promise<PosTerminal> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pos-api-'));
  const logLines: string[] = [];
  const parsed = settingsSchema.parse({ ...settings, posApi: { enabled: true, port: 0, ...(settings['posApi'] as object | undefined) } });
  const service = await createTerminalService({
    settings: parsed,
    log: createLogger((line) => logLines.push(line), 'debug'),
    demoApiKey: TEST_DEMO_KEY,
    dataDir,
    ...(options.limits === undefined ? {} : { posApi: { limits: options.limits } }),
  });
  const url = service.posApi.url;
  if (url === null) throw new Error(`the POS API did not start: ${service.posApi.problem ?? 'no reason given'}`);
  return {
    service,
    url,
    dataDir,
    logLines,
    key: async (name, scopes) => {
      const made = await service.dispatch('createPosClient', { name, scopes }, 'cashier');
      if (!made.ok) throw new Error(made.error.message);
      const value = made.value as { key: string; client: { id: string } };
      return { key: value.key, clientId: value.client.id };
    },
    call: (method, path, o = {}) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          ...(o.key === undefined ? {} : { authorization: `Bearer ${o.key}` }),
          ...(o.idem === undefined ? {} : { 'idempotency-key': o.idem }),
          ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...o.headers,
        },
        ...(o.body === undefined ? {} : { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }),
      }),
    simulate: async (paymentId, outcome) => {
      const result = await service.dispatch('demoSimulate', { paymentId, outcome }, 'cashier');
      expect(result).toMatchObject({ ok: true });
    },
    close: async () => {
      await service.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The body of a JSON answer, typed loosely for assertions. */
export const bodyOf = async (response: Response): Promise<Record<string, unknown> & { error?: { code: string; message: string } }> =>
  (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } };
