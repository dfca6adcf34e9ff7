import { deflateSync } from 'node:zlib';

// A minimal PNG writer (8-bit RGBA), enough to draw the Teams app icons in code so that
// the package is built from the repository alone.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.length);
  return out;
}

export type Pixel = [number, number, number, number];

/** Encodes a picture given as a function from (x, y) to RGBA. */
export function png(width: number, height: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

const BLUE: Pixel = [0, 61, 122, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];
const LIGHT_BLUE: Pixel = [143, 179, 217, 255];

/** A calendar page: header bar, body and a grid of day marks, scaled to the size. */
function calendar(x: number, y: number, size: number, inset: number): 'frame' | 'header' | 'day' | 'page' | 'outside' {
  const s = size;
  const left = inset * s;
  const right = s - inset * s;
  const top = inset * s * 1.1;
  const bottom = s - inset * s * 0.9;
  if (x < left || x >= right || y < top || y >= bottom) return 'outside';
  const border = Math.max(1, s / 32);
  if (x < left + border || x >= right - border || y >= bottom - border) return 'frame';
  if (y < top + (bottom - top) * 0.25) return 'header';
  const cellW = (right - left) / 4;
  const cellH = (bottom - top) * 0.75 / 3;
  const cx = ((x - left) % cellW) / cellW;
  const cy = ((y - top - (bottom - top) * 0.25) % cellH) / cellH;
  return cx > 0.3 && cx < 0.7 && cy > 0.3 && cy < 0.7 ? 'day' : 'page';
}

/** The 192×192 colour icon: a white calendar on the region's blue. */
export const colorIcon = (): Buffer => png(192, 192, (x, y) => {
  const part = calendar(x, y, 192, 0.2);
  if (part === 'header') return LIGHT_BLUE;
  return part === 'outside' || part === 'day' ? BLUE : WHITE;
});

/** The 32×32 outline icon: white lines on a transparent background, as Teams requires. */
export const outlineIcon = (): Buffer => png(32, 32, (x, y) => {
  const part = calendar(x, y, 32, 0.12);
  return part === 'frame' || part === 'header' || part === 'day' ? WHITE : CLEAR;
});
