/**
 * Texts of the File menu's export and import dialogs: pure functions, unit-tested in Node
 * (no `electron` import); main.ts shows them.
 */
import { fileURLToPath } from 'node:url';
import type { MergeSummary } from '../db/sync/files';
import { CLOCK_SKEW_LIMIT_MS } from '../db/sync/merge';

export type UiLanguage = 'zh' | 'en';

/** The extension of files exported for another office (a SQLite file, or its encrypted form); the installers associate it with the app. */
export const EXCHANGE_EXTENSION = 'ptdb';

/** The name the File menu suggests: the local date, as the Sync view's suggestion (renderer/src/views/sync/syncFormat.ts). */
export function defaultExportName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `partnership-tracker-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${EXCHANGE_EXTENSION}`;
}

/** A path, or a local file:// URI (Linux file managers pass `%U`), as a path; anything else null. */
function localPath(arg: string): string | null {
  if (!/^file:/i.test(arg)) return /^[a-z][a-z0-9+.-]+:\/\//i.test(arg) ? null : arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The exported file the app was asked to open (double-click on Windows and Linux passes it on
 * the command line, as a path or a file:// URI; macOS sends an event instead): the last argument
 * naming a .ptdb file.
 */
export function exchangeFileFromArgs(argv: readonly string[]): string | null {
  const files = argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-'))
    .map(localPath)
    .filter((file): file is string => !!file && file.toLowerCase().endsWith(`.${EXCHANGE_EXTENSION}`));
  return files.at(-1) ?? null;
}

export function exportDoneText(lang: UiLanguage, filePath: string, bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return lang === 'zh' ? `已导出到：\n${filePath}\n（${size}）` : `Exported to:\n${filePath}\n(${size})`;
}

/**
 * The preview shown before a merge, and the two buttons: merge is never the default. A file whose
 * clock is ahead beyond the limit says so, and asks with the Sync view's own confirmation (a checkbox
 * left unticked: merging without ticking it is refused, as in the Sync view and the CLI).
 */
export function mergePreviewText(
  lang: UiLanguage,
  summary: MergeSummary,
): { message: string; detail: string; buttons: [string, string]; checkboxLabel?: string } {
  const office = summary.peerOffice ?? (lang === 'zh' ? '（未命名的办公室）' : '(unnamed office)');
  const message =
    lang === 'zh'
      ? `合并“${summary.fileName}”（来自 ${office}）？`
      : `Merge "${summary.fileName}" (from ${office})?`;
  const lines =
    lang === 'zh'
      ? [`新增 ${summary.added}`, `修改 ${summary.changed}`, `删除 ${summary.deleted}`, `冲突 ${summary.conflicts}`]
      : [`${summary.added} added`, `${summary.changed} changed`, `${summary.deleted} deleted`, `${summary.conflicts} conflicts`];
  const notes: string[] = [];
  if (summary.duplicates.length > 0) {
    notes.push(lang === 'zh' ? `${summary.duplicates.length} 个可能重复的机构，请在“同步”页面核对。` : `${summary.duplicates.length} likely duplicate organizations: review them in the Sync view.`);
  }
  notes.push(lang === 'zh' ? '合并前会先备份本地数据库。' : 'The local database is backed up before merging.');
  const clockAhead = summary.clockAheadMs > CLOCK_SKEW_LIMIT_MS;
  if (clockAhead) {
    const minutes = Math.round(summary.clockAheadMs / 60000);
    notes.unshift(
      lang === 'zh'
        ? `对方电脑的时钟偏快：该文件中最新的修改比本机时钟快约 ${minutes} 分钟。请检查两台电脑的日期和时间。如果仍然合并，本数据库将采用较晚的时间。`
        : `The other computer’s clock is ahead: the newest change in this file is about ${minutes} minutes ahead of this computer’s clock. Check the date and time on both computers. If you merge anyway, this database adopts the later time.`,
    );
  }
  return {
    message,
    detail: `${lines.join(lang === 'zh' ? '，' : ', ')}\n\n${notes.join('\n')}`,
    buttons: lang === 'zh' ? ['取消', '合并'] : ['Cancel', 'Merge'],
    ...(clockAhead ? { checkboxLabel: lang === 'zh' ? '我已检查时钟，仍然合并' : 'I have checked the clocks; merge anyway' } : {}),
  };
}
