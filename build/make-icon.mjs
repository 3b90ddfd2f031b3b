// Draws build/icon.png (512×512): a dark rounded square with a light QR-like mark.
// electron-builder makes every platform's icon from it. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 512;
const RADIUS = 96;
const MODULES = 21; // a version-1 QR grid
const MODULE = 16;
const ORIGIN = (SIZE - MODULES * MODULE) / 2;
const DARK = [17, 24, 39];
const LIGHT = [240, 244, 248];

// The three finder patterns, then a fixed sprinkle of data modules so the mark reads as a QR code.
function isDark(col, row) {
  const finder = (c, r) => {
    const d = Math.max(Math.abs(c - 3), Math.abs(r - 3));
    return d === 0 || d === 1 || d === 3;
  };
  if (col < 8 && row < 8) return col < 7 && row < 7 && finder(col, row);
  if (col >= MODULES - 8 && row < 8) return col >= MODULES - 7 && row < 7 && finder(col - (MODULES - 7), row);
  if (col < 8 && row >= MODULES - 8) return col < 7 && row >= MODULES - 7 && finder(col, row - (MODULES - 7));
  if (row === 6 || col === 6) return (row + col) % 2 === 0; // timing patterns
  return (col * 7 + row * 13 + ((col * row) % 5)) % 3 === 0;
}

// Coverage of the rounded square at a pixel, with 4×4 supersampling for smooth corners.
function coverage(x, y) {
  let inside = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, RADIUS), SIZE - RADIUS);
      const cy = Math.min(Math.max(py, RADIUS), SIZE - RADIUS);
      if ((px - cx) ** 2 + (py - cy) ** 2 <= RADIUS ** 2) inside += 1;
    }
  }
  return inside / 16;
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    const col = Math.floor((x - ORIGIN) / MODULE);
    const row = Math.floor((y - ORIGIN) / MODULE);
    const inGrid = col >= 0 && col < MODULES && row >= 0 && row < MODULES;
    const [r, g, b] = inGrid && isDark(col, row) ? LIGHT : DARK;
    const i = (y * SIZE + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = Math.round(coverage(x, y) * 255);
  }
}

const out = fileURLToPath(new URL('icon.png', import.meta.url));
writeFileSync(out, PNG.sync.write(png));
console.log(`wrote ${out}`);
