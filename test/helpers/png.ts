/** Reads a PNG in tests: its signature and size (IHDR), and its pixels (8-bit RGB or RGBA, not interlaced). */
import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface Png {
  width: number;
  height: number;
  /** the pixels, row by row, `channels` bytes each (RGB or RGBA) */
  pixels: Buffer;
  channels: number;
}

export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE);
}

/** Width and height from the IHDR chunk, which comes first after the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  if (!isPng(b) || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function decodePng(bytes: Uint8Array): Png {
  const b = Buffer.from(bytes);
  const { width, height } = pngSize(b);
  const [depth, type, , , interlace] = [b[24], b[25], b[26], b[27], b[28]];
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, type ${type})`);
  const channels = type === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    if (b.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (out[y * stride + x - channels] as number) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      const c = y > 0 && x >= channels ? (out[(y - 1) * stride + x - channels] as number) : 0;
      out[y * stride + x] = (v + predict(filter as number, a, up, c)) & 0xff;
    }
  }
  return { width, height, pixels: out, channels };
}

/** The share of the pixels (0 to 1) of exactly this colour ("#rrggbb"; alpha ignored). */
export function colourShare(png: Png, colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    if (png.pixels[i] === r && png.pixels[i + 1] === g && png.pixels[i + 2] === b) count++;
  }
  return count / (png.width * png.height);
}

function predict(filter: number, a: number, up: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return up;
    case 3:
      return (a + up) >> 1;
    case 4: {
      const p = a + up - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - up), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
    }
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
}
