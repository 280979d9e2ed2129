import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

/**
 * A ZIP writer for hostile archives: every header field is ours to set, so an archive can lie about its sizes.
 * fflate's zipSync writes honest archives only (and stamps the current time); this one is deterministic.
 */

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** 0 = stored, 8 = deflated (default). */
  method?: 0 | 8;
  /** The compressed bytes, when already made (a bomb's hand-made stream). */
  compressed?: Uint8Array;
  /** The uncompressed size written in the headers; default the real one. */
  declaredSize?: number;
  /** The CRC written in the headers; default the real one. */
  crc?: number;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (2015 - 1980) * 512 + 1 * 32 + 1; // 1 January 2015: fixed, so the bytes never change

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const body = part.compressed ?? (method === 8 ? deflateSync(part.data, { level: 6 }) : part.data);
    const name = utf8(part.name);
    const crc = part.crc ?? crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, method, true);
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, 0x0800, true);
    header.setUint16(10, method, true);
    header.setUint16(12, DOS_TIME, true);
    header.setUint16(14, DOS_DATE, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, body.length, true);
    header.setUint32(24, size, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Writes bits least-significant first, as DEFLATE does; Huffman codes go in most-significant bit first. */
class BitWriter {
  private readonly bytes: Uint8Array;
  private bit = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  raw(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push((value >> i) & 1);
  }
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.push((value >> i) & 1);
  }
  private push(b: number): void {
    if (b) this.bytes[this.bit >> 3]! |= 1 << (this.bit & 7);
    this.bit++;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, (this.bit + 7) >> 3);
  }
}

/** An ASCII literal in DEFLATE's fixed Huffman code (values under 144: 8 bits, 0x30 + value). */
function literal(w: BitWriter, byte: number): void {
  w.code(0x30 + byte, 8);
}

/**
 * A raw DEFLATE stream (one fixed-Huffman block) that inflates to `prefix`, then `count` times the byte `fill`,
 * then `suffix` — written by hand in a few milliseconds: each 258-byte copy of the previous byte costs 13 bits,
 * so a gigabyte fits in about 6,5 Mo. `prefix` and `suffix` are ASCII.
 */
export function repeatedByteStream(prefix: string, fill: number, count: number, suffix: string): Uint8Array {
  const copies = Math.floor((count - 1) / 258);
  const rest = count - 1 - copies * 258;
  const w = new BitWriter(Math.ceil(((prefix.length + suffix.length + rest + 1) * 8 + copies * 13 + 20) / 8) + 8);
  w.raw(1, 1); // last block
  w.raw(1, 2); // fixed Huffman codes
  for (const c of prefix) literal(w, c.charCodeAt(0));
  literal(w, fill);
  for (let i = 0; i < copies; i++) {
    w.code(0b11000101, 8); // length code 285: 258 bytes
    w.code(0, 5); // distance code 0: 1 byte back
  }
  for (let i = 0; i < rest; i++) literal(w, fill);
  for (const c of suffix) literal(w, c.charCodeAt(0));
  w.code(0, 7); // end of block
  return w.done();
}

/** The CRC-32 of `prefix` + `count` × `fill` + `suffix`, without holding the gigabyte. */
export function repeatedByteCrc(prefix: string, fill: number, count: number, suffix: string): number {
  let crc = crc32(prefix);
  const chunk = new Uint8Array(Math.min(count, 16 * 1024 * 1024)).fill(fill);
  for (let left = count; left > 0; left -= chunk.length) crc = crc32(chunk.subarray(0, Math.min(left, chunk.length)), crc);
  return crc32(suffix, crc);
}
