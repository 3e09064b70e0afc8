/** Reading a spreadsheet someone kept by hand: CSV (papaparse) or XLSX (exceljs), every cell as text. */
import type { CellValue } from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../errors';
import { parseSheetInWorker } from './sheet-job';
import { declaredUnzippedSize } from './zip-size';

/** One sheet row as the person sees it: its row number in the sheet and its cells as trimmed text. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

const unreadable = (en: string, zh: string) =>
  new AppError('invalid_input', { zh: `无法读取该表格：${zh}。未保存任何内容。`, en: `The spreadsheet cannot be read: ${en}. Nothing was saved.` }, [
    'dataBase64',
  ]);

export function isXlsx(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** A date cell (or an Excel date serial that exceljs hands back as a Date) as YYYY-MM-DD. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dayOf(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<SheetRow[]> {
  // exceljs takes about 0.6 s of CPU to load: only when a workbook is read, not at every start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy CommonJS load, as in the bundles (no ESM loader inside app.asar)
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('it is not an XLSX workbook', '这不是 XLSX 工作簿');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('the workbook has no sheet', '工作簿中没有工作表');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged range repeats its master's value in every cell; keep it once, in the master.
      cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value).trim();
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

function readCsv(text: string): SheetRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return parsed.data.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((c) => String(c ?? '').trim()) }));
}

/**
 * An .xlsx whose parts declare more than this unzipped is refused before it is parsed. An office's
 * list of a few thousand rows unzips to a few MB; a 10 MB workbook of plain rows to about 80 MB.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const tooLarge = () => unreadable('it unzips to more than 100 MB, far more than a list needs', '解压后超过 100 MB，远超名单所需');

/** The first sheet, parsed here (in the sheet worker, or for CSV, whose size is its input's). */
export async function parseSheet(fileName: string, bytes: Buffer): Promise<SheetRow[]> {
  if (isXlsx(fileName)) return readXlsx(bytes);
  return readCsv(bytes.toString('utf8'));
}

/**
 * The first sheet of the file, row by row (blank rows included, so row numbers stay those of the
 * sheet). An .xlsx is checked first against the total unzipped size its zip directory declares,
 * then parsed in a worker thread whose heap is capped, so a zip bomb is refused in milliseconds
 * and a lying directory ends the worker, not the app.
 */
export async function readSheet(fileName: string, dataBase64: string): Promise<SheetRow[]> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw unreadable('the file is empty', '文件为空');
  if (isXlsx(fileName)) {
    const size = declaredUnzippedSize(bytes);
    if (!size) throw unreadable('it is not an XLSX workbook', '这不是 XLSX 工作簿');
    if (size.unzippedBytes > MAX_UNZIPPED_BYTES) throw tooLarge();
    return parseSheetInWorker(fileName, bytes, tooLarge);
  }
  if (!/\.(csv|txt)$/i.test(fileName)) throw unreadable('only .csv and .xlsx files can be imported', '只能导入 .csv 和 .xlsx 文件');
  return parseSheet(fileName, bytes);
}

export const isBlank = (row: SheetRow): boolean => row.cells.every((c) => c === '');

/** Dates as offices type them: 2024-05-01, 2024/5/1, 2024年5月1日, 01.05.2024, or an Excel serial. */
export function normalizeDate(text: string): string | null {
  const t = text.trim().normalize('NFKC');
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
  else if (/^\d{5}$/.test(t)) return dayOf(new Date(Date.UTC(1899, 11, 30) + Number(t) * 86400000));
  else return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && dayOf(date) === iso ? iso : null;
}
