import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import type { PairingLimits } from '../../electron/service/pairing/pairing-requests';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { openPairing, openWatched } from '../support/pairing-client';
import { PAGES_DIR } from '../support/paths';
import { ALI, MEI, MEI_APPROVES, run, valueOf } from '../support/terminal-clients';
import { connect, refusedHandshake, type TestClient } from '../support/ws-client';
import type { PairedDisplays } from '../../app/ipc/pairing-schemas';

/*
 * Pairing a customer display once, across restarts of the host on the same data folder: the real
 * service and web host, real sockets, a real data folder. The display has no printed link: it shows a
 * code, the cashier types it, and the display's own token is what it uses from then on.
 */

let dataDir: string;
let running: { service: TerminalService; host: WebHost } | null = null;
const open: TestClient[] = [];

async function start(limits: Partial<PairingLimits> = {}): Promise<{ service: TerminalService; host: WebHost }> {
  const log = createLogger(() => undefined);
  const service = await createTerminalService({ settings: settingsSchema.parse({}), log, dataDir, pairingLimits: limits });
  const host = await startWebHost({ api: service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log, pairing: service.pairing });
  running = { service, host };
  return running;
}
async function stop(): Promise<void> {
  for (const c of open.splice(0)) c.close();
  if (running === null) return;
  await running.host.close();
  await running.service.close();
  running = null;
}
const apiUrl = (host: WebHost, token: string) => `ws://127.0.0.1:${String(host.port)}/api?token=${token}`;
const cashierOf = async (host: WebHost): Promise<TestClient> => {
  const c = await connect(apiUrl(host, new URL(host.urls.cashier).searchParams.get('token') ?? ''));
  open.push(c);
  return c;
};
const displayWith = async (host: WebHost, token: string): Promise<TestClient> => {
  const c = await connect(apiUrl(host, token));
  open.push(c);
  return c;
};
/** Pairs a display end to end: the code it shows, typed by the cashier; its token. */
async function pair(host: WebHost, cashier: TestClient, name = 'Counter tablet'): Promise<string> {
  const pairing = openPairing(host.port);
  const code = await pairing.code;
  if (code === null) throw new Error('no code was shown');
  valueOf(await run(cashier, 'approveDisplay', { code, name }));
  const paired = await pairing.paired;
  if (paired === null) throw new Error('the display got no token');
  return paired.token;
}

afterEach(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});
afterAll(stop);

describe('a display paired once', () => {
  it('keeps working after a restart, and sees the sale as a customer display does', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pairing-'));
    let { host } = await start();
    const pairing = openPairing(host.port);
    const code = await pairing.code;
    expect(code).toMatch(/^\d{6}$/);
    const cashier = await cashierOf(host);
    // Typed as people read it, in two groups.
    const listed = valueOf<PairedDisplays>(await run(cashier, 'approveDisplay', { code: `${(code ?? '').slice(0, 3)} ${(code ?? '').slice(3)}`, name: ' Counter tablet ' }));
    expect(listed).toMatchObject({ canPair: true, kept: true, displays: [{ name: 'Counter tablet', lastSeenAt: null, connected: false }] });
    const paired = await pairing.paired;
    expect(paired?.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await pairing.closed).code).toBe(1000);
    const token = paired?.token ?? '';

    // Kept hashed, in a file only this account can read.
    const file = join(dataDir, 'screen-links.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(token);

    const launchDisplay = new URL(host.urls.display).searchParams.get('token') ?? '';
    await stop();
    ({ host } = await start());
    // This launch's printed link changed; the paired display's token did not.
    expect((await refusedHandshake(apiUrl(host, launchDisplay))).status).toBe(401);
    const display = await displayWith(host, token);
    const snapshot = await run(display, 'getSnapshot');
    expect(snapshot).toMatchObject({ ok: true, value: { devices: null, payment: null } });
    const cashierAgain = await cashierOf(host);
    valueOf(await run(cashierAgain, 'charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'ORDER-77' }));
    await expect.poll(() => display.messages.some((m) => m.type === 'event' && m.event === 'payment' && m.payload.payment?.amount.minor === 1234)).toBe(true);
    // A display's copy of the sale: no order number, no devices or print events.
    expect(JSON.stringify(display.messages)).not.toContain('ORDER-77');
    expect(display.messages.some((m) => m.type === 'event' && (m.event === 'devices' || m.event === 'print'))).toBe(false);
    const list = valueOf<PairedDisplays>(await run(cashierAgain, 'listDisplays'));
    expect(list.displays).toMatchObject([{ name: 'Counter tablet', connected: true }]);
    expect(list.displays[0]?.lastSeenAt).toEqual(expect.any(Number));
  });

  it('stops a revoked display at once and refuses it afterwards, across a restart too', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pairing-'));
    let { host } = await start();
    const cashier = await cashierOf(host);
    const token = await pair(host, cashier);
    const [entry] = valueOf<PairedDisplays>(await run(cashier, 'listDisplays')).displays;
    const live = await openWatched(apiUrl(host, token));
    valueOf(await run(cashier, 'revokeDisplay', { id: entry?.id }));
    expect(await live.closed).toEqual({ code: 4401, reason: 'This display was unpaired' });
    expect((await refusedHandshake(apiUrl(host, token))).status).toBe(401);
    expect(valueOf<PairedDisplays>(await run(cashier, 'listDisplays')).displays).toEqual([]);
    expect(await run(cashier, 'revokeDisplay', { id: entry?.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await stop();
    ({ host } = await start());
    expect((await refusedHandshake(apiUrl(host, token))).status).toBe(401);
  });

  it('needs a manager to pair or unpair where staff are listed', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pairing-'));
    const { host } = await start();
    const cashier = await cashierOf(host);
    valueOf(await run(cashier, 'saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'all' } }));
    const pairing = openPairing(host.port);
    const code = await pairing.code;
    expect(await run(cashier, 'approveDisplay', { code, name: 'Tablet' })).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    valueOf(await run(cashier, 'signIn', { staffId: ALI.id, pin: ALI.pin }));
    expect(await run(cashier, 'approveDisplay', { code, name: 'Tablet' })).toMatchObject({
      ok: false,
      error: { code: 'approval_required', message: "A manager's PIN is needed to pair a customer display" },
    });
    expect(valueOf<PairedDisplays>(await run(cashier, 'approveDisplay', { code, name: 'Tablet', approval: MEI_APPROVES })).displays).toHaveLength(1);
    expect(await pairing.paired).toMatchObject({ name: 'Tablet' });
    const [entry] = valueOf<PairedDisplays>(await run(cashier, 'listDisplays')).displays;
    expect(await run(cashier, 'revokeDisplay', { id: entry?.id })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    valueOf(await run(cashier, 'revokeDisplay', { id: entry?.id, approval: MEI_APPROVES }));

    // Both acts are in the journal's audit, with who did them and the manager who approved; never a token.
    const journal = running?.service.journalPath ?? '';
    const db = new Database(journal, { readonly: true });
    const rows = db.prepare("SELECT action, operator_id, approved_by_id, detail_json FROM audit WHERE action LIKE '%display' ORDER BY seq").all();
    db.close();
    expect(rows).toEqual([
      { action: 'pair_display', operator_id: ALI.id, approved_by_id: MEI.id, detail_json: JSON.stringify({ id: entry?.id, name: 'Tablet' }) },
      { action: 'unpair_display', operator_id: ALI.id, approved_by_id: MEI.id, detail_json: JSON.stringify({ id: entry?.id, name: 'Tablet' }) },
    ]);
  });
});
