import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosApiStatus } from '../../app/pos-api/pos-api-status';
import type { PosClientView } from '../../app/pos-api/pos-client-schemas';
import { TLS_CERT_FILE, TLS_KEY_FILE } from '../../electron/service/pos-api/tls/tls-identity';
import { createPosClient, PinMismatchError } from '../../tools/pos-client';
import { startPosTerminal, type PosTerminal } from '../support/pos-terminal';
import { ALI, MEI, MEI_APPROVES } from '../support/terminal-clients';

/* The POS API on the shop's LAN: https only, with the terminal's own certificate, pinned by the tills. Bound to 127.0.0.1 here. */

const LAN = { posApi: { bind: 'lan', address: '127.0.0.1' } };
const SALE = { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', reference: 'T2-0042' };
const OTHER_PIN = Array.from({ length: 32 }, () => 'AB').join(':');

const dirs: string[] = [];
const open: PosTerminal[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pos-lan-'));
  dirs.push(dir);
  return dir;
}

async function lanTerminal(dataDir: string, limits = {}): Promise<PosTerminal> {
  const t = await startPosTerminal(LAN, { dataDir, limits });
  open.push(t);
  return t;
}

async function status(t: PosTerminal): Promise<PosApiStatus> {
  const result = await t.service.dispatch('getPosApiStatus', {}, 'cashier');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PosApiStatus;
}

/** The certificate the server presents, read as a till would before trusting it. */
function presented(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

async function client(t: PosTerminal, clientId: string): Promise<PosClientView | undefined> {
  const list = await t.service.dispatch('listPosClients', {}, 'cashier');
  return list.ok ? (list.value as readonly PosClientView[]).find((c) => c.id === clientId) : undefined;
}

describe('the POS API on the LAN', () => {
  it('serves https with the certificate whose fingerprint the settings screen shows, and a pinned till creates a checkout', async () => {
    const t = await lanTerminal(folder());
    expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const shown = await status(t);
    expect(shown).toMatchObject({ url: t.url, problem: null, certificate: { fresh: { kind: 'created' } } });
    expect(shown.certificate?.fingerprint256).toBe(await presented(t.url));
    expect(JSON.stringify(shown)).not.toMatch(/PRIVATE KEY/);

    const { key } = await t.key('Till 2', ['charge', 'read']);
    const pos = createPosClient({ baseUrl: t.url, key, fingerprint256: shown.certificate!.fingerprint256 });
    expect(await pos.createCheckout(SALE)).toMatchObject({ status: 'awaiting_customer', client: 'Till 2', reference: 'T2-0042' });
  });

  it('refuses a wrong fingerprint before the key is sent: the terminal never sees the request', async () => {
    const t = await lanTerminal(folder());
    const { key, clientId } = await t.key('Till 2', ['charge']);
    const wrong = createPosClient({ baseUrl: t.url, key, fingerprint256: OTHER_PIN });
    await expect(wrong.createCheckout(SALE)).rejects.toBeInstanceOf(PinMismatchError);
    // The key was never checked (it would be marked used), and no sale was started.
    expect((await client(t, clientId))?.lastUsedAt).toBeNull();
    expect(await t.service.dispatch('getSnapshot', {}, 'cashier')).toMatchObject({ ok: true, value: { payment: null } });

    const right = createPosClient({ baseUrl: t.url, key, fingerprint256: (await status(t)).certificate!.fingerprint256 });
    await right.createCheckout(SALE);
    expect((await client(t, clientId))?.lastUsedAt).not.toBeNull();
  });

  it('answers nothing to plain http on the LAN port, and goes on serving https', async () => {
    const t = await lanTerminal(folder());
    const plain = t.url.replace('https://', 'http://');
    await expect(fetch(`${plain}/v1/openapi.json`)).rejects.toThrow();
    expect(await presented(t.url)).toBe((await status(t)).certificate?.fingerprint256);
  });

  it('keeps its certificate across a restart, so the tills stay pinned', async () => {
    const dataDir = folder();
    const first = await lanTerminal(dataDir);
    const pin = (await status(first)).certificate!.fingerprint256;
    const { key } = await first.key('Till 2', ['charge']);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const again = await lanTerminal(dataDir);
    expect(await status(again)).toMatchObject({ certificate: { fingerprint256: pin, fresh: null } });
    expect(await createPosClient({ baseUrl: again.url, key, fingerprint256: pin }).createCheckout(SALE)).toMatchObject({ status: 'awaiting_customer' });
  });

  it('makes a new certificate on request, in use at once: the old pin is refused, the new one served', async () => {
    const t = await lanTerminal(folder());
    const old = (await status(t)).certificate!.fingerprint256;
    const { key } = await t.key('Till 2', ['charge']);
    const made = await t.service.dispatch('newPosCertificate', {}, 'cashier');
    expect(made).toMatchObject({ ok: true, value: { url: t.url, certificate: { fresh: { kind: 'regenerated' } } } });
    const pin = (made as { value: PosApiStatus }).value.certificate!.fingerprint256;
    expect(pin).not.toBe(old);
    expect(await presented(t.url)).toBe(pin);
    await expect(createPosClient({ baseUrl: t.url, key, fingerprint256: old }).createCheckout(SALE)).rejects.toBeInstanceOf(PinMismatchError);
    expect(await createPosClient({ baseUrl: t.url, key, fingerprint256: pin }).createCheckout(SALE)).toMatchObject({ status: 'awaiting_customer' });
  });

  it("needs a manager's PIN for a new certificate where staff are listed, and audits it with the new fingerprint", async () => {
    const t = await lanTerminal(folder());
    const before = (await status(t)).certificate!.fingerprint256;
    expect(await t.service.dispatch('saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'all' } }, 'cashier')).toMatchObject({ ok: true });
    const refused = await t.service.dispatch('newPosCertificate', {}, 'cashier');
    expect(refused).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(await presented(t.url)).toBe(before);
    // Ali signs in on the counter's screen: a cashier, so a manager must approve on the spot.
    const screen = { id: 'counter', operator: null, sessionToken: null };
    expect(await t.service.dispatch('signIn', { staffId: ALI.id, pin: ALI.pin }, 'cashier', screen)).toMatchObject({ ok: true });
    const asAli = await t.service.dispatch('newPosCertificate', {}, 'cashier', screen);
    expect(asAli).toMatchObject({ ok: false, error: { code: 'approval_required', message: "A manager's PIN is needed to replace the POS API's certificate" } });
    const wrong = await t.service.dispatch('newPosCertificate', { approval: { staffId: ALI.id, pin: ALI.pin } }, 'cashier', screen);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await presented(t.url)).toBe(before);
    const made = await t.service.dispatch('newPosCertificate', { approval: MEI_APPROVES }, 'cashier', screen);
    expect(made).toMatchObject({ ok: true });
    const pin = (made as { value: PosApiStatus }).value.certificate!.fingerprint256;
    const db = new Database(join(t.dataDir, 'journal-demo.sqlite3'), { readonly: true });
    const rows = db.prepare("SELECT operator_id, approved_by_id, detail_json FROM audit WHERE action = 'pos_certificate_replaced'").all();
    db.close();
    expect(rows).toEqual([{ operator_id: 'ali', approved_by_id: 'mei', detail_json: JSON.stringify({ fingerprint256: pin }) }]);
    expect(t.logLines.join('\n')).not.toMatch(/PRIVATE KEY/);
    expect(await presented(t.url)).toBe(pin);
  });
});

describe('the POS API moved to the LAN from the settings screen', () => {
  it('goes from plain http on loopback to https on the LAN, with the certificate it then shows', async () => {
    const t = await startPosTerminal({ posApi: { address: '127.0.0.1' } }, { dataDir: folder() });
    open.push(t);
    expect(await status(t)).toEqual({ url: t.url, problem: null, certificate: null });
    const saved = await t.service.dispatch('saveSettings', { posApi: { enabled: true, port: 0, bind: 'lan', allowRefunds: false } }, 'cashier');
    expect(saved).toMatchObject({ ok: true, value: { values: { posApi: { enabled: true, port: 0, bind: 'lan', allowRefunds: false } } } });
    const now = await status(t);
    expect(now.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await presented(now.url!)).toBe(now.certificate?.fingerprint256);
    const refused = await t.service.dispatch('saveSettings', { posApi: { enabled: true, port: 65_536, bind: 'wifi', allowRefunds: false } }, 'cashier');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_args', fieldsSaid: { 'posApi.port': { kind: 'field_not_port' }, 'posApi.bind': { kind: 'field_pos_bind' } } } });
    expect((await status(t)).url).toBe(now.url);
  });
});

describe('the POS API on the LAN, given hostile input', () => {
  it('replaces a corrupt certificate with a new one, and says so', async () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, TLS_CERT_FILE), '-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n');
    writeFileSync(join(dataDir, TLS_KEY_FILE), 'garbage');
    const t = await lanTerminal(dataDir);
    const shown = await status(t);
    expect(shown.certificate?.fresh).toEqual({ kind: 'replaced', reason: 'the certificate file is not a certificate; a new certificate was made' });
    expect(await presented(t.url)).toBe(shown.certificate?.fingerprint256);
  });

  it('listens on nothing, and says why, when its certificate cannot be read at all', async () => {
    const dataDir = folder();
    mkdirSync(join(dataDir, TLS_KEY_FILE));
    const t = await startPosTerminal(LAN, { dataDir }).catch((error: unknown) => error);
    expect(String(t)).toMatch(/the POS API did not start: The POS API cannot listen on the LAN: its certificate could not be read or made \(Cannot read the POS API's TLS files/);
  });

  it('keeps one certificate, the same on disk as served and shown, when new ones are asked for all at once', async () => {
    const dataDir = folder();
    const t = await lanTerminal(dataDir);
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => t.service.dispatch('newPosCertificate', {}, 'cashier')),
      ...Array.from({ length: 6 }, () => t.service.dispatch('getPosApiStatus', {}, 'cashier')),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);
    const shown = (await status(t)).certificate!.fingerprint256;
    expect(await presented(t.url)).toBe(shown);
    await t.close();
    open.splice(open.indexOf(t), 1);
    const again = await lanTerminal(dataDir);
    expect((await status(again)).certificate).toMatchObject({ fingerprint256: shown, fresh: null });
  });

  it('drops a connection that never finishes its TLS handshake, and one that sends garbage', async () => {
    const t = await lanTerminal(folder(), { handshakeTimeoutMs: 200 });
    const { hostname, port } = new URL(t.url);
    const closed = (payload: string | null) =>
      new Promise<void>((resolve) => {
        const socket = tcpConnect({ host: hostname, port: Number(port) }, () => {
          if (payload !== null) socket.write(payload);
        });
        socket.on('error', () => undefined);
        // Read whatever comes (a TLS alert), so the server's close is seen.
        socket.resume();
        socket.on('close', () => resolve());
      });
    await closed(null);
    await closed('\x16\x03\x01\x00\x05hello garbage that is not a ClientHello\r\n\r\n');
    expect(await presented(t.url)).toBe((await status(t)).certificate?.fingerprint256);
  });
});
