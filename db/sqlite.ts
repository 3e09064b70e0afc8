/**
 * The one place a better-sqlite3 connection is made. Inside the desktop app the Node build of the
 * addon cannot load (Electron has another ABI): every connection, to the working file, an export,
 * an incoming file or a backup, must load the Electron build named by the core's `nativeBinding`.
 * A connection made without it works in Node (tests, CLI) and fails only in the desktop app.
 */
import Database from 'better-sqlite3';
import { AppError } from './errors';

export type SqliteConnection = Database.Database;

export interface SqliteOpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** The addon to load (the Electron build); omitted, the Node build beside better-sqlite3. */
  nativeBinding?: string | undefined;
}

/** The command that builds the Electron addon in a checkout (package.json `native`). */
export const NATIVE_BUILD_COMMAND = 'npm run native';

/**
 * The Electron build of the addon is missing, or does not load (built for another Electron or
 * platform): a developer or installer problem, never the user's data. Named as such, with the fix.
 */
export function nativeAddonError(nativeBinding: string, cause: unknown): AppError {
  const missing = (cause as { code?: string } | null)?.code === 'MODULE_NOT_FOUND';
  const what = missing
    ? {
        zh: '缺少桌面版的数据库引擎（better-sqlite3 的 Electron 版本）',
        en: 'The desktop build of the database engine (better-sqlite3 for Electron) is missing',
      }
    : {
        zh: '桌面版的数据库引擎（better-sqlite3 的 Electron 版本）无法加载，可能是为其他 Electron 版本构建的',
        en: 'The desktop build of the database engine (better-sqlite3 for Electron) does not load: it was built for another Electron version or platform',
      };
  return new AppError('internal', {
    zh: `${what.zh}：${nativeBinding}。数据库文件未作改动。在源代码目录中运行“${NATIVE_BUILD_COMMAND}”后重新启动；已安装的应用请重新安装。`,
    en: `${what.en}: ${nativeBinding}. The database file has not been changed. In the app's source folder run "${NATIVE_BUILD_COMMAND}", then start the app again; an installed app needs to be reinstalled.`,
  });
}

/** Whether an error thrown while opening came from loading the addon (not from the file). */
function isAddonLoadError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_DLOPEN_FAILED';
}

/** Open a connection, loading `nativeBinding` when given; a failure to load that addon is named as such. */
export function openSqlite(file: string, options: SqliteOpenOptions = {}): SqliteConnection {
  const { nativeBinding, ...rest } = options;
  try {
    return new Database(file, { ...rest, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    if (nativeBinding && isAddonLoadError(error)) throw nativeAddonError(nativeBinding, error);
    throw error;
  }
}

/**
 * quick_check of every ordinary table (shadow tables included) with its indexes, or of those `which` picks: 'ok', or
 * SQLite's first finding. Virtual tables are left out: their check runs their module's code over their data (FTS5
 * checks its whole index against itself: 6 of the 7.6 s of a whole-file quick_check at L, where the tables take
 * 1.3 s). The search index is derived data: opening a file checks the other tables (db/open.ts), and the search
 * index's are checked after the start, in the background, and rebuilt from the records if damaged (db/search.ts).
 */
export function quickCheckTables(db: Database.Database, which: (name: string) => boolean = () => true): string {
  return quickCheckShare(db, tablesToCheck(db, which), new Int32Array(1));
}

/** The ordinary tables (shadow tables included) `which` picks, the largest first (by their last rowid: a guess, cheap). */
export function tablesToCheck(db: Database.Database, which: (name: string) => boolean): string[] {
  const names = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow')").pluck().all() as string[];
  const size = (name: string): number => {
    try {
      return Number(
        db
          .prepare(`SELECT max(rowid) FROM "${name.replaceAll('"', '""')}"`)
          .pluck()
          .get() ?? 0,
      );
    } catch {
      return 0; // WITHOUT ROWID
    }
  };
  return names
    .filter(which)
    .map((name) => ({ name, rows: size(name) }))
    .sort((a, b) => b.rows - a.rows)
    .map((t) => t.name);
}

/**
 * quick_check of `tables`, taking them one at a time from a counter other connections may share (`next`, in a
 * SharedArrayBuffer: each table is checked by whichever takes it first). 'ok', or the first finding; a finding sets
 * the counter past the end, so that the others stop too.
 */
export function quickCheckShare(db: Database.Database, tables: readonly string[], next: Int32Array): string {
  for (let i = Atomics.add(next, 0, 1); i < tables.length; i = Atomics.add(next, 0, 1)) {
    const result = db.pragma(`quick_check("${tables[i]!.replaceAll('"', '""')}")`, { simple: true });
    if (result !== 'ok') {
      Atomics.store(next, 0, tables.length);
      return String(result);
    }
  }
  return 'ok';
}
