/**
 * A spreadsheet built to exhaust memory (issue #15, part 8): a 307 KB .xlsx whose parts unzip to
 * gigabytes drove import to 2.3 GB and 21 s. The total unzipped size the zip's central directory
 * declares is now checked before parsing, and parsing runs in a worker with a capped heap.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_UNZIPPED_BYTES } from '../../db/import/parse';
import { declaredUnzippedSize } from '../../db/import/zip-size';
import { localClient, rejected, tempCore } from '../helpers';

const deflate = promisify(deflateRaw);

/** A zip of already-deflated entries, each declaring `size` unzipped bytes. */
function zip(entries: { name: string; deflated: Buffer; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('spreadsheet import of a zip bomb', () => {
  it('refuses an .xlsx that unzips to 1.2 GB in milliseconds, before parsing, in zh and en', async () => {
    // 300 MB of one repeated byte, deflated off this thread (about 300 KB), in four parts.
    const part = Buffer.alloc(300 * 1024 * 1024, 0x20);
    const deflated = await deflate(part);
    const crc = crc32(part);
    const bomb = zip([0, 1, 2, 3].map((i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated, size: part.length, crc })));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(declaredUnzippedSize(bomb)).toEqual({ entries: 4, unzippedBytes: 4 * part.length });

    const core = await tempCore();
    const api = localClient(core);
    const started = performance.now();
    const error = await rejected(api['import.preview']({ entity: 'organizations', fileName: 'liaison.xlsx', dataBase64: bomb.toString('base64') }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('invalid_input');
    expect(error.localized.en).toBe('The spreadsheet cannot be read: it unzips to more than 100 MB, far more than a list needs. Nothing was saved.');
    expect(error.localized.zh).toBe('无法读取该表格：解压后超过 100 MB，远超名单所需。未保存任何内容。');
  }, 30_000);

  it('still imports an ordinary workbook, parsed in the worker', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liaison');
    sheet.addRow(['Name', 'Country']);
    sheet.addRow(['布尔加斯 Burgas', 'BG']);
    sheet.addRow(['汕头 Shantou', 'CN']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(declaredUnzippedSize(bytes)!.unzippedBytes).toBeLessThan(MAX_UNZIPPED_BYTES);
    const core = await tempCore();
    const preview = await localClient(core)['import.preview']({ entity: 'organizations', fileName: 'liaison.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.rows.map((row) => row.status)).toEqual(['ok', 'ok']);
  });

  it('reads no directory from what is not a zip', () => {
    expect(declaredUnzippedSize(Buffer.from('not a workbook'))).toBeNull();
  });
});
