/**
 * Texts of the File menu's export and import dialogs: pure functions, unit-tested in Node
 * (no `electron` import); main.ts shows them.
 */
import { fileURLToPath } from 'node:url';
import type { MergeSummary } from '../db/sync/files';

export type UiLanguage = 'zh' | 'en';

/** The extension of files exported for another office (a SQLite file, or its encrypted form); the installers associate it with the app. */
export const EXCHANGE_EXTENSION = 'ptdb';

export function defaultExportName(now: Date): string {
  return `partnership-tracker-export-${now.toISOString().slice(0, 10)}.${EXCHANGE_EXTENSION}`;
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

/** The preview shown before a merge, and the two buttons: merge is never the default. */
export function mergePreviewText(lang: UiLanguage, summary: MergeSummary): { message: string; detail: string; buttons: [string, string] } {
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
  return {
    message,
    detail: `${lines.join(lang === 'zh' ? '，' : ', ')}\n\n${notes.join('\n')}`,
    buttons: lang === 'zh' ? ['取消', '合并'] : ['Cancel', 'Merge'],
  };
}
