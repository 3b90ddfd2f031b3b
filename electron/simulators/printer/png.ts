import { PNG } from 'pngjs';
import { getDot, type Bitmap } from '../../../app/receipt/raster/bitmap';

/** Thermal paper: white, with black dots; one pixel a dot. */
export function bitmapToPng(bitmap: Bitmap): Buffer {
  const png = new PNG({ width: bitmap.width, height: bitmap.height, colorType: 6 });
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      const i = (y * bitmap.width + x) * 4;
      const v = getDot(bitmap, x, y) ? 0 : 255;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
