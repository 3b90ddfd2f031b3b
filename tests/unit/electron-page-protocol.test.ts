import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../electron/service/logging/logger';
import {
  answerFileRequest,
  answerPageRequest,
  PAGE_SCHEME_REGISTRATION,
  registerPageScheme,
  servePages,
  type PageAnswer,
} from '../../electron/main/page-protocol';
import { pageUrl } from '../../electron/main/page-url';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/web-preferences';

/**
 * The app:// handler against a folder laid out like Vite's build (dist/renderer), with a secret beside
 * it that every hostile spelling tries to reach. Electron cannot run here, so `protocol` is a fake that
 * keeps the handlers; the Request and Response it passes are the real web classes Electron uses too.
 */

let work: string;
let root: string;
const CASHIER_HTML = '<!doctype html><title>Cashier</title><script type="module" src="../assets/cashier-B28qNnia.js"></script>';
const DISPLAY_HTML = '<!doctype html><title>Customer display</title>';
const SCRIPT = 'console.log("cashier");';
const SECRET = 'SECRET-NEXT-TO-THE-PAGES';

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'page-protocol-'));
  root = path.join(work, 'renderer');
  for (const dir of ['cashier', 'display', 'assets', 'assets/dir.js']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'cashier/index.html'), CASHIER_HTML);
  writeFileSync(path.join(root, 'cashier/extra.js'), SCRIPT);
  writeFileSync(path.join(root, 'display/index.html'), DISPLAY_HTML);
  writeFileSync(path.join(root, 'assets/cashier-B28qNnia.js'), SCRIPT);
  writeFileSync(path.join(root, 'assets/cashier-B28qNnia.css'), 'body { margin: 0 }');
  writeFileSync(path.join(root, 'assets/notes.txt'), 'not a page asset');
  writeFileSync(path.join(root, 'assets/.env'), SECRET);
  // Sparse: the size is what counts, and nothing is written to disk.
  writeFileSync(path.join(root, 'assets/huge.js'), '');
  truncateSync(path.join(root, 'assets/huge.js'), 17 * 1024 * 1024);
  writeFileSync(path.join(work, 'outside.txt'), SECRET);
  mkdirSync(path.join(work, 'elsewhere'));
  writeFileSync(path.join(work, 'elsewhere/secret.js'), SECRET);
  symlinkSync(path.join(work, 'elsewhere/secret.js'), path.join(root, 'assets/secret.js'));
  symlinkSync('cashier-B28qNnia.js', path.join(root, 'assets/alias.js'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const text = (answer: PageAnswer): string => new TextDecoder().decode(answer.body ?? new Uint8Array());

describe('app://terminal serves the built pages', () => {
  it('serves the cashier page with our CSP, nosniff and an HTML type', async () => {
    const answer = await answerPageRequest(root, pageUrl('cashier'), 'GET');
    expect(answer.status).toBe(200);
    expect(text(answer)).toBe(CASHIER_HTML);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': String(Buffer.byteLength(CASHIER_HTML)),
    });
    expect(answer.refused).toBeUndefined();
  });

  it('serves a page at its folder too, ignoring a query and a fragment', async () => {
    for (const url of ['app://terminal/display/', 'app://terminal/display/index.html?lang=th#/paid']) {
      const answer = await answerPageRequest(root, url, 'GET');
      expect({ url, status: answer.status, body: text(answer) }).toEqual({ url, status: 200, body: DISPLAY_HTML });
    }
  });

  it('serves the assets the page names, each with its MIME type', async () => {
    // The page links ../assets/…, as Vite's base './' writes it; from app://terminal/cashier/ that lands here.
    const script = new URL('../assets/cashier-B28qNnia.js', pageUrl('cashier')).href;
    expect(script).toBe('app://terminal/assets/cashier-B28qNnia.js');
    const js = await answerPageRequest(root, script, 'GET');
    expect([js.status, js.headers['Content-Type'], text(js)]).toEqual([200, 'text/javascript; charset=utf-8', SCRIPT]);
    const css = await answerPageRequest(root, 'app://terminal/assets/cashier-B28qNnia.css', 'GET');
    expect([css.status, css.headers['Content-Type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect(css.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await answerPageRequest(root, 'app://terminal/assets/cashier-B28qNnia.js', 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.body).toBeNull();
    expect(answer.headers['Content-Length']).toBe(String(Buffer.byteLength(SCRIPT)));
  });

  it('follows a symlink that stays inside the pages folder', async () => {
    const answer = await answerPageRequest(root, 'app://terminal/assets/alias.js', 'GET');
    expect([answer.status, text(answer)]).toEqual([200, SCRIPT]);
  });
});

describe('app://terminal refuses everything else with 404 and nothing about the disk', () => {
  it.each([
    ['/../ out of the folder', 'app://terminal/../outside.txt'],
    ['/../ from the assets folder', 'app://terminal/assets/../../outside.txt'],
    ['%2e%2e/ (encoded dots)', 'app://terminal/assets/%2e%2e/%2e%2e/outside.txt'],
    ['%2f (an encoded slash)', 'app://terminal/assets/..%2f..%2foutside.txt'],
    ['%5c (an encoded backslash)', 'app://terminal/assets/..%5c..%5coutside.txt'],
    ['..%252f (a double-encoded slash)', 'app://terminal/assets/..%252f..%252foutside.txt'],
    ['a NUL byte (%00)', 'app://terminal/assets/cashier-B28qNnia.js%00.css'],
    ['backslashes', 'app://terminal/assets\\..\\..\\outside.txt'],
    ['an absolute-looking path', 'app://terminal//etc/passwd'],
    ['an absolute path inside assets', 'app://terminal/assets//etc/passwd'],
    ['a drive letter', 'app://terminal/assets/C:/Windows/win.ini'],
    ['another host', 'app://evil/cashier/index.html'],
    ['a port', 'app://terminal:8080/cashier/index.html'],
    ['user info', 'app://admin@terminal/cashier/index.html'],
    ['an https URL', 'https://terminal/cashier/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['a symlink out of the folder', 'app://terminal/assets/secret.js'],
    ['a directory', 'app://terminal/assets/dir.js'],
    ['the assets folder itself', 'app://terminal/assets/'],
    ['the root', 'app://terminal/'],
    ['a page folder without its slash', 'app://terminal/cashier'],
    ['another file in a page folder', 'app://terminal/cashier/extra.js'],
    ['an unknown extension', 'app://terminal/assets/notes.txt'],
    ['a hidden file', 'app://terminal/assets/.env'],
    ['a missing file', 'app://terminal/assets/missing.js'],
    ['a file too large to be ours', 'app://terminal/assets/huge.js'],
    ['a URL too long', `app://terminal/assets/${'a'.repeat(3000)}.js`],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', async (_what, url) => {
    const answer = await answerPageRequest(root, url, 'GET');
    expect(answer.status).toBe(404);
    expect(text(answer)).toBe('Not found');
    expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(answer.refused).toEqual(expect.any(String));
    const everything = JSON.stringify(answer) + text(answer);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(work);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'get'])('refuses the method %s, even for a page', async (method) => {
    const answer = await answerPageRequest(root, pageUrl('cashier'), method);
    expect([answer.status, answer.refused]).toEqual([404, 'only GET and HEAD are answered']);
  });

  it('refuses a symlink out of the folder although the file it points to exists', async () => {
    expect(statSync(path.join(root, 'assets/secret.js')).isFile()).toBe(true);
    const answer = await answerPageRequest(root, 'app://terminal/assets/secret.js', 'GET');
    expect(answer.refused).toBe('the file is outside the pages folder');
  });

  it('refuses a directory named like an asset as not a file', async () => {
    const answer = await answerPageRequest(root, 'app://terminal/assets/dir.js', 'GET');
    expect([answer.status, answer.refused]).toEqual([404, 'the path is not a file']);
  });

  it('refuses HEAD for a refused path without a body', async () => {
    const answer = await answerPageRequest(root, 'app://terminal/../outside.txt', 'HEAD');
    expect([answer.status, answer.body]).toEqual([404, null]);
  });

  it('answers 404 when the pages folder is not built at all', async () => {
    const answer = await answerPageRequest(path.join(work, 'not-built'), pageUrl('cashier'), 'GET');
    expect([answer.status, answer.refused]).toEqual([404, 'the file could not be read (ENOENT)']);
  });
});

describe('file: URLs serve nothing', () => {
  it('refuses every file: request, including the built pages themselves', () => {
    const answer = answerFileRequest('GET');
    expect([answer.status, text(answer), answer.refused]).toEqual([404, 'Not found', 'file: URLs are not served']);
    expect(answerFileRequest('HEAD').body).toBeNull();
  });
});

describe('wiring into Electron', () => {
  it('registers app: as a standard, secure scheme and grants nothing more', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerPageScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(PAGE_SCHEME_REGISTRATION.privileges).not.toHaveProperty('bypassCSP');
    expect(PAGE_SCHEME_REGISTRATION.privileges).not.toHaveProperty('corsEnabled');
  });

  it('serves app: and intercepts file: on the session, logging each refusal with its reason', async () => {
    type Handler = (request: Request) => Response | Promise<Response>;
    const handlers = new Map<string, Handler>();
    const lines: string[] = [];
    servePages({ handle: (scheme: string, handler: Handler) => void handlers.set(scheme, handler) }, root, createLogger((line) => lines.push(line)));
    expect([...handlers.keys()].sort()).toEqual(['app', 'file']);
    const app = handlers.get('app')!;
    const file = handlers.get('file')!;

    const page = await app(new Request(pageUrl('cashier')));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(CASHIER_HTML);
    expect(lines).toEqual([]);

    const escape = await app(new Request('app://terminal/assets/secret.js'));
    expect([escape.status, await escape.text()]).toEqual([404, 'Not found']);
    const local = await file(new Request(`file://${path.join(root, 'cashier/index.html')}`));
    expect([local.status, await local.text()]).toEqual([404, 'Not found']);

    const logged = lines.map((line) => JSON.parse(line) as { message: string; reason: string });
    expect(logged.map((l) => [l.message, l.reason])).toEqual([
      ['page request refused', 'the file is outside the pages folder'],
      ['file request refused', 'file: URLs are not served'],
    ]);
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
