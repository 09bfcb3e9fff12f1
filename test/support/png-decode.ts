import { inflateSync } from 'node:zlib';

/** A decoded image: RGBA bytes, row by row. */
export interface DecodedPng {
  width: number;
  height: number;
  /** Colour at (x, y) as `#rrggbb` (alpha ignored: the charts are opaque). */
  pixel(x: number, y: number): string;
}

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, without decoding the image. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The Paeth predictor of the PNG specification (filter type 4). */
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
}

/**
 * A small PNG decoder for the tests (8-bit RGBA or RGB, not interlaced: what resvg writes): joins
 * the IDAT chunks, inflates them with node:zlib and undoes each row's filter. Independent of the
 * renderer, so a test reads back the bytes that would be uploaded.
 */
export function decodePng(png: Buffer): DecodedPng {
  const { width, height } = pngSize(png);
  const [depth, colourType, , , interlace] = [png[24], png[25], png[26], png[27], png[28]];
  if (depth !== 8 || (colourType !== 6 && colourType !== 2) || interlace !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
  const channels = colourType === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let row = 0; row < height; row += 1) {
    const filter = raw[row * (stride + 1)];
    for (let i = 0; i < stride; i += 1) {
      const value = raw[row * (stride + 1) + 1 + i] ?? 0;
      const left = i >= channels ? (pixels[row * stride + i - channels] ?? 0) : 0;
      const up = row > 0 ? (pixels[(row - 1) * stride + i] ?? 0) : 0;
      const upLeft = row > 0 && i >= channels ? (pixels[(row - 1) * stride + i - channels] ?? 0) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0];
      if (predicted === undefined) throw new Error(`bad PNG filter ${filter} on row ${row}`);
      pixels[row * stride + i] = (value + predicted) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const at = Math.round(y) * stride + Math.round(x) * channels;
      return `#${[pixels[at], pixels[at + 1], pixels[at + 2]].map((byte) => (byte ?? 0).toString(16).padStart(2, '0')).join('')}`;
    },
  };
}
