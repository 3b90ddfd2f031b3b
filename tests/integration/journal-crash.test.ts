import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import { openJournal } from '../../electron/service/journal/sqlite-journal';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The writer that gets killed: the real journal module, bundled as the app bundles it. Each sale is
 * saved as creating, then as awaiting with its QR, then gets a provider event; only after all three
 * calls returned does it print the id. Ids start at argv[3], so rounds can share one file.
 */
const CHILD = `
import { writeSync } from 'node:fs';
import { openJournal } from './electron/service/journal/sqlite-journal';
import { expectedSale } from './child-sale';
const journal = openJournal(process.argv[2]);
for (let i = Number(process.argv[3]); ; i++) {
  const sale = expectedSale(i);
  journal.save({ ...sale, providerRef: null, qr: null, expiresAt: null, state: { status: 'creating' }, updatedAt: sale.createdAt });
  journal.save(sale);
  journal.appendEvent(sale.id, { kind: 'provider', summary: { call: 'create', round: i } });
  writeSync(1, sale.id + '\\n');
}
`;

function expectedSale(i: number): Payment {
  return {
    id: `crash-${String(i).padStart(7, '0')}`,
    amount: { minor: 1000 + i, currency: 'SGD' },
    method: 'orangepill',
    orderRef: `order ${i}`,
    payerAlias: null,
    providerRef: `op_${i}`,
    qr: { payload: `https://pay.example/${i}` },
    createdAt: 1_767_225_600_000 + i,
    updatedAt: 1_767_225_600_000 + i + 1,
    expiresAt: 1_767_225_600_000 + i + 120_000,
    state: { status: 'awaiting' },
    refundedMinor: 0,
    notice: null,
  };
}

let dir: string;
let childFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'journal-crash-'));
  childFile = join(dir, 'child.cjs');
  await build({
    stdin: { contents: CHILD, resolveDir: ROOT, sourcefile: 'journal-child.ts', loader: 'ts' },
    // The child shares this test's sale factory, so both sides agree on what "intact" means.
    plugins: [
      {
        name: 'child-sale',
        setup(b) {
          b.onResolve({ filter: /^\.\/child-sale$/ }, () => ({ path: 'child-sale', namespace: 'child-sale' }));
          b.onLoad({ filter: /.*/, namespace: 'child-sale' }, () => ({ contents: `export ${expectedSale.toString()}`, loader: 'js' }));
        },
      },
    ],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childFile,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has reported `count` saved sales, then kills it with SIGKILL, mid-write. */
function writeThenKill(file: string, start: number, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, file, String(start)], {
      // The bundle lives in a temp folder; better-sqlite3 is found in the project's node_modules.
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').length > count) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (${String(_code)}): ${err}`));
      // Only complete lines count: a torn last line was not fully reported.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('a kill -9 while writing', () => {
  it('loses nothing that had been recorded, round after round', async () => {
    const file = join(dir, 'journal.sqlite3');
    let next = 0;
    const reported: string[] = [];
    for (const count of [40, 75, 130]) {
      const ids = await writeThenKill(file, next, count);
      expect(ids.length).toBeGreaterThanOrEqual(count);
      reported.push(...ids);

      const journal = openJournal(file);
      try {
        for (const [k, id] of ids.entries()) {
          const i = next + k;
          expect(id).toBe(expectedSale(i).id);
          expect(journal.get(id)).toStrictEqual(expectedSale(i));
          expect(journal.events(id).map((e) => e.kind)).toEqual(['status', 'status', 'provider']);
        }
        // The sale being written when the kill landed is either whole or partly there, and always readable.
        const stray = journal.get(expectedSale(next + ids.length).id);
        if (stray !== undefined) expect(['creating', 'awaiting']).toContain(stray.state.status);
        expect(journal.count({})).toBeGreaterThanOrEqual(reported.length);
      } finally {
        journal.close();
      }
      // Continue after the stray sale, so every round starts on ids that were never touched.
      next += ids.length + 1;
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);
});
