import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateTlsIdentity, regenerateTlsIdentity, type TlsIdentity } from '../../electron/service/pos-api/tls/tls-identity';

/** What docs/pos-api-events.md tells a shop to type: curl pinning the terminal's public key. */
function curl(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => execFile('curl', ['--silent', '--show-error', ...args], (error, stdout) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout })));
}

let dir: string;
let identity: TlsIdentity;
let server: Server;
let url: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-tls-curl-'));
  identity = await loadOrCreateTlsIdentity(dir);
  server = createServer({ key: identity.key, cert: identity.cert }, (_req, res) => res.end('{"ok":true}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1/checkouts`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('curl with the pin the terminal shows', () => {
  it('connects with the right public-key pin, and refuses another', async () => {
    expect(await curl(['--insecure', '--pinnedpubkey', `sha256//${identity.spkiPin256}`, url])).toEqual({ code: 0, stdout: '{"ok":true}' });
    const other = await regenerateTlsIdentity(join(dir, 'other'));
    // curl's exit code 90: SSL public key does not match the pinned public key.
    expect((await curl(['--insecure', '--pinnedpubkey', `sha256//${other.spkiPin256}`, url])).code).toBe(90);
  });
});
