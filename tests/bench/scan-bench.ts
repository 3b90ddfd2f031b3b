import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { MethodId } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import { charge } from './display-bench';
import { row, type BenchRow } from './stats';
import { SELECTORS, startWebCounter, type WebCounter } from './web-counter';

/**
 * QR scan margin: how small the display's QR can be in a phone camera's 640×480 frame and still
 * decode. The display page shows a real sale's QR in Chromium; its screenshot is shrunk into the
 * frame, the whole screen in view on a dark surround, as tests/e2e/customer-display.test.ts frames it
 * at 25% of the width. The share of the frame's width the QR takes (its box, quiet zone included)
 * is stepped down from 25% — 1% at a time, then 0.1% — while jsQR still reads the sale's payload;
 * the figure is the smallest share that still read, every larger share tried having read too.
 *
 * Shrinking is an area average (each frame pixel takes the mean of the screen it covers, fractions of
 * pixels included, as a sensor's pixel integrates the light on it), in luminance with jsQR's own
 * weights, rounded to 8 bits; no blur, noise or tilt. Where the modules fall on the sensor's grid
 * changes what survives, and at a few scales jsQR misses one placement and reads its neighbours, as
 * a phone misses a frame and reads the next: so each share is framed at six sub-pixel placements and
 * counts as read when at least half of them read (a phone at 30 frames a second then has it within
 * a few frames). Every sale's QR differs (its charge id), so median and p95 are over several sales.
 */

const FRAME_WIDTH = 640;
const FRAME_HEIGHT = 480;
const SURROUND = 48;
const START_SHARE = 0.25;
const COARSE_STEP = 0.01;
const FINE_STEP = 0.001;
const LOWEST_SHARE = 0.02;
/** Sub-pixel offsets of the screen on the sensor grid, in frame pixels. */
const OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0.5, 0.5],
  [0.25, 0.75],
  [0.75, 0.25],
  [0.33, 0.1],
  [0.1, 0.66],
];
/** A share counts as read when at least this share of the placements read. */
const READ_RATE = 0.5;

interface Screen {
  readonly width: number;
  readonly height: number;
  /** Luminance, 0–255, one a screen pixel. */
  readonly luma: Float32Array;
  readonly qrSidePx: number;
}

function readScreen(png: Buffer, qrSidePx: number): Screen {
  const image = PNG.sync.read(png);
  const luma = new Float32Array(image.width * image.height);
  for (let i = 0; i < luma.length; i++) {
    luma[i] = 0.2126 * (image.data[i * 4] ?? 0) + 0.7152 * (image.data[i * 4 + 1] ?? 0) + 0.0722 * (image.data[i * 4 + 2] ?? 0);
  }
  return { width: image.width, height: image.height, luma, qrSidePx };
}

/**
 * For each frame pixel along one axis, the screen pixels it covers and how much of each: the screen
 * spans frame coordinates [offset, offset + size·scale). Pixels outside the screen get no taps.
 */
function axisTaps(frameSize: number, screenSize: number, scale: number, offset: number): { index: number; weight: number }[][] {
  const taps: { index: number; weight: number }[][] = [];
  for (let f = 0; f < frameSize; f++) {
    const from = (f - offset) / scale;
    const to = (f + 1 - offset) / scale;
    const list: { index: number; weight: number }[] = [];
    for (let s = Math.max(0, Math.floor(from)); s < Math.min(screenSize, Math.ceil(to)); s++) {
      const covered = Math.min(to, s + 1) - Math.max(from, s);
      if (covered > 0) list.push({ index: s, weight: covered * scale });
    }
    taps.push(list);
  }
  return taps;
}

/** The camera's frame with the QR at `share` of its width, the screen centred and moved by `shift`. */
function frame(screen: Screen, share: number, shift: readonly [number, number]): Uint8ClampedArray {
  const scale = (share * FRAME_WIDTH) / screen.qrSidePx;
  const left = (FRAME_WIDTH - screen.width * scale) / 2 + shift[0];
  const top = (FRAME_HEIGHT - screen.height * scale) / 2 + shift[1];
  const xs = axisTaps(FRAME_WIDTH, screen.width, scale, left);
  const ys = axisTaps(FRAME_HEIGHT, screen.height, scale, top);
  // Separable: rows first (screen rows × frame columns), then columns.
  const rows = new Float32Array(screen.height * FRAME_WIDTH);
  const coverX = new Float32Array(FRAME_WIDTH);
  xs.forEach((taps, x) => (coverX[x] = taps.reduce((sum, t) => sum + t.weight, 0)));
  for (let sy = 0; sy < screen.height; sy++) {
    const line = sy * screen.width;
    for (let x = 0; x < FRAME_WIDTH; x++) {
      let sum = 0;
      for (const t of xs[x] ?? []) sum += (screen.luma[line + t.index] ?? 0) * t.weight;
      rows[sy * FRAME_WIDTH + x] = sum;
    }
  }
  const rgba = new Uint8ClampedArray(FRAME_WIDTH * FRAME_HEIGHT * 4);
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    const tapsY = ys[y] ?? [];
    const coverY = tapsY.reduce((sum, t) => sum + t.weight, 0);
    for (let x = 0; x < FRAME_WIDTH; x++) {
      let sum = 0;
      for (const t of tapsY) sum += (rows[t.index * FRAME_WIDTH + x] ?? 0) * t.weight;
      // Where the screen covers only part of a frame pixel, the surround fills the rest.
      const cover = coverY * (coverX[x] ?? 0);
      const value = Math.round(sum + SURROUND * (1 - cover));
      const at = (y * FRAME_WIDTH + x) * 4;
      rgba[at] = rgba[at + 1] = rgba[at + 2] = value;
      rgba[at + 3] = 255;
    }
  }
  return rgba;
}

const reads = (screen: Screen, share: number, shift: readonly [number, number], payload: string): boolean =>
  jsQR(frame(screen, share, shift), FRAME_WIDTH, FRAME_HEIGHT, { inversionAttempts: 'dontInvert' })?.data === payload;

/** Whether at least half the placements read at `share`; stops as soon as that is settled. */
function readsAtShare(screen: Screen, share: number, payload: string): boolean {
  const needed = Math.ceil(OFFSETS.length * READ_RATE);
  let read = 0;
  for (const [i, shift] of OFFSETS.entries()) {
    if (reads(screen, share, shift, payload)) read += 1;
    if (read >= needed) return true;
    if (read + (OFFSETS.length - i - 1) < needed) return false;
  }
  return false;
}

/** The smallest share that still reads, every larger share tried (down from 25%) having read too. */
function smallestShare(screen: Screen, payload: string): number {
  if (!readsAtShare(screen, START_SHARE, payload)) throw new Error(`the QR does not read even at ${START_SHARE * 100}% of the frame`);
  let good = START_SHARE;
  while (good - COARSE_STEP >= LOWEST_SHARE && readsAtShare(screen, good - COARSE_STEP, payload)) good -= COARSE_STEP;
  const coarse = good;
  while (good - FINE_STEP > coarse - COARSE_STEP + FINE_STEP / 2 && readsAtShare(screen, good - FINE_STEP, payload)) good -= FINE_STEP;
  return good;
}

async function screenOf(page: Page): Promise<{ png: Buffer; qrSidePx: number }> {
  const qr = page.locator('[data-testid="qr"]');
  await page.waitForSelector(SELECTORS.qr);
  const box = await qr.boundingBox();
  if (box === null || box.width <= 0) throw new Error('the QR has no box');
  return { png: await page.screenshot(), qrSidePx: box.width };
}

interface Config {
  readonly method: MethodId;
  readonly label: string;
  readonly viewport: { readonly width: number; readonly height: number };
}

/** One sale's QR on a screen of `viewport`: its smallest share, in percent of the frame's width. */
async function saleShare(browser: Browser, counter: WebCounter, config: Config, i: number): Promise<{ share: number; payloadLength: number; qrSidePx: number }> {
  const payment: Payment = await charge(counter, i, config.method);
  const payload = payment.qr?.payload;
  if (payload === undefined || payload === null) throw new Error(`the ${config.method} charge has no QR payload`);
  const context = await browser.newContext({ viewport: config.viewport });
  let shot: { png: Buffer; qrSidePx: number };
  try {
    const page = await context.newPage();
    await page.goto(counter.displayUrl);
    shot = await screenOf(page);
  } finally {
    await context.close();
  }
  await counter.endSale(payment, true);
  const share = smallestShare(readScreen(shot.png, shot.qrSidePx), payload);
  return { share: Math.round(share * 1000) / 10, payloadLength: payload.length, qrSidePx: shot.qrSidePx };
}

async function margin(browser: Browser, counter: WebCounter, config: Config, sales: number, first: number): Promise<BenchRow> {
  const runs: { share: number; payloadLength: number; qrSidePx: number }[] = [];
  for (let i = 0; i < sales; i++) runs.push(await saleShare(browser, counter, config, first + i));
  const { width, height } = config.viewport;
  const lengths = [...new Set(runs.map((r) => r.payloadLength))].join('/');
  return row(
    `QR scan margin: ${config.label}, ${width}×${height} display`,
    '% of width',
    runs.map((r) => r.share),
    15,
    `smallest share of a 640×480 frame's width (QR box with its quiet zone) that jsQR reads at ≥ half of ${OFFSETS.length} sub-pixel placements; ` +
      `${sales} sales' QRs (${lengths}-char payload), QR ${Math.round(runs[0]?.qrSidePx ?? 0)} px on screen; area-average shrink, no blur`,
  );
}

export async function benchScanMargin(browser: Browser, quick: boolean, step: (name: string) => void): Promise<BenchRow[]> {
  // Atome's payload is the longest, so its QR the densest: it gets the most sales.
  const configs: readonly (Config & { readonly sales: number })[] = quick
    ? [{ method: 'atome', label: 'Atome', viewport: { width: 1280, height: 720 }, sales: 1 }]
    : [
        { method: 'atome', label: 'Atome', viewport: { width: 1280, height: 720 }, sales: 6 },
        { method: 'atome', label: 'Atome', viewport: { width: 800, height: 480 }, sales: 3 },
        { method: 'orangepill', label: 'Orangepill', viewport: { width: 1280, height: 720 }, sales: 3 },
        { method: 'demo', label: 'Demo QR', viewport: { width: 1280, height: 720 }, sales: 3 },
      ];
  const counter = await startWebCounter(browser, { demo: { latencyMs: 0 } });
  try {
    const rows: BenchRow[] = [];
    let first = 0;
    for (const config of configs) {
      step(`QR scan margin: ${config.label} on ${config.viewport.width}×${config.viewport.height} (${config.sales} sales)`);
      rows.push(await margin(browser, counter, config, config.sales, first));
      first += config.sales;
    }
    return rows;
  } finally {
    await counter.close();
  }
}
