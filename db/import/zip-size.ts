/**
 * The total unzipped size an archive declares, read from its central directory without inflating
 * anything: an .xlsx is a zip, and a 307 KB one can unzip to gigabytes. Checked before parsing.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface ZipSize {
  entries: number;
  /** Sum of the entries' declared uncompressed sizes, in bytes. */
  unzippedBytes: number;
}

/** null when the bytes are not a zip this reader understands (no end record, ZIP64, a damaged directory). */
export function declaredUnzippedSize(bytes: Buffer): ZipSize | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535, at the very end.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  // ZIP64 markers: sizes this small file cannot honestly need.
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return null;
  if (directoryOffset + directorySize > end) return null;
  let at = directoryOffset;
  let unzippedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const uncompressed = bytes.readUInt32LE(at + 24);
    if (uncompressed === 0xffffffff) return null;
    unzippedBytes += uncompressed;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, unzippedBytes };
}
