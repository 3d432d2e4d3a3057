// Draws the app's PNG icons (public/icons) with no image library: a square in
// the brand colour with a white tick-in-a-box mark. Run once when the mark
// changes: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0x11, 0x46, 0x49]; // brand-800, as the header
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes: Buffer) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The mark, in a unit square: a box outline and a tick, inside the maskable safe zone (the middle 80%). */
function isMark(x: number, y: number) {
  const inBox = x > 0.3 && x < 0.7 && y > 0.3 && y < 0.7;
  const inInner = x > 0.35 && x < 0.65 && y > 0.35 && y < 0.65;
  const nearLine = (x1: number, y1: number, x2: number, y2: number) => {
    const t = Math.max(
      0,
      Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)),
    );
    return Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))) < 0.035;
  };
  return (inBox && !inInner) || nearLine(0.4, 0.5, 0.48, 0.58) || nearLine(0.48, 0.58, 0.62, 0.4);
}

function png(size: number) {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const colour = isMark((x + 0.5) / size, (y + 0.5) / size) ? WHITE : BRAND;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
