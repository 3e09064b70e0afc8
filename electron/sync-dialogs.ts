/**
 * Texts of the File menu's export and import dialogs: pure functions, unit-tested in Node
 * (no `electron` import); main.ts shows them.
 */
import { fileURLToPath } from 'node:url';
import { EXCHANGE_EXTENSION } from '../common/files';

export type UiLanguage = 'zh' | 'en';

export { EXCHANGE_EXTENSION, defaultExportName } from '../common/files';

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
