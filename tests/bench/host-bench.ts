import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { row, type BenchRow } from './stats';

const root = join(__dirname, '..', '..');

/** Cold start of the headless host: process spawn until it prints its URLs (simulators started). */
export async function benchHostStart(runs: number): Promise<BenchRow> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const data = mkdtempSync(join(tmpdir(), 'bench-host-'));
    const start = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist/web/serve.cjs'), '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the host did not start within 20 s')), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Display:')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    samples.push(performance.now() - start);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(data, { recursive: true, force: true });
  }
  return row('headless host: start to ready', 'ms', samples, 500, `${runs} cold starts, demo mode (3 simulators)`);
}

/** What a browser downloads for a page, gzipped: its HTML and every script and style it links. */
export function benchBundle(page: 'cashier' | 'display', targetKb: number): BenchRow {
  const pagesDir = join(root, 'dist/renderer');
  const html = readFileSync(join(pagesDir, page, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\.\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
  const known = new Set(readdirSync(join(pagesDir, 'assets')));
  const bytes = [html, ...assets.filter((a) => known.has(a)).map((a) => readFileSync(join(pagesDir, 'assets', a)))]
    .map((content) => gzipSync(content, { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  const kb = Math.round((bytes / 1024) * 10) / 10;
  return row(`page bundle, gzipped: ${page}`, 'KB', [kb], targetKb, `Vite build, ${assets.length} assets + HTML`);
}
