/**
 * Command-line shell over the same core: `npm run cli -- <command>` or `partnership-tracker <command>`.
 * Every failure prints one line (in Chinese when LANG is zh*, else English) and exits 1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkDatabase, findUp, openCore, startCoreThreads, writeFileAtomic } from '../db/core';
import { createRegistry, SLOW_LOG_NAME, type OperationInput } from '../db/api';
import { AppError, toSerializedError } from '../db/errors';
import { startBrowserMode } from './server';
import { closePdfBrowser, renderPdf } from './pdf';
import { SEARCH_KIND_LABELS } from '../common/search';

/** The checkout: above cli/ when run from source (tsx), above out/cli/ when run from the build. */
const ROOT = findUp(__dirname, 'package.json') ?? path.resolve(__dirname, '..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const zh = /^zh/i.test(process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '');
/** The one door: every command reaches the core through the contract, as the window does. */
const registry = createRegistry();

const USAGE = `Partnership Tracker ${VERSION}

Usage: partnership-tracker <command> [options]   (in a checkout: npm run cli -- <command> [options])

Commands:
  sample --db FILE              create FILE (or fill an empty one) with the sample data
  check  --db FILE [--json]     open FILE read-only: integrity, schema version, record counts
  serve  --db FILE [--port N]   open the app in a browser (127.0.0.1 only; prints the address)
  export --db FILE --out OUT [--passphrase-env VAR]
                                write a consistent snapshot of FILE to OUT for another office;
                                with a passphrase (read from the environment variable VAR), encrypted
  merge  --db FILE --from IN [--dry-run] [--json] [--passphrase-env VAR]
                                import another office's file IN into FILE: merge, never overwrite
  report --db FILE --out OUT (--partnership ID | --portfolio) [--lang zh|en] [--format pdf|html]
         [--from DATE --to DATE] [--classification TEXT] [--status S] [--country CC] [--owner NAME]
                                an A4 status report (PDF through the system's Chromium)
  generate --db FILE --scale S|M|L [--seed N]
                                fill a new or empty FILE with generated test data (S: ~10k rows, M: ~100k, L: ~1M)
  search --db FILE QUERY [--json] [--limit N] [--kind K]
                                search every name, alias, title and note, in any script; what Ctrl+K shows
                                (K: organization, partnership, milestone, meeting, task, contact)
  help                          this text
`;

function usageError(en: string, zhText: string): AppError {
  return new AppError('invalid_input', { en: `${en} (see: partnership-tracker help)`, zh: `${zhText}（参见：partnership-tracker help）` });
}

function requireDb(value: string | undefined): string {
  if (!value) throw usageError('--db FILE is required', '需要 --db 文件');
  return path.resolve(value);
}

async function sample(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } }, strict: true });
  const file = requireDb(values.db);
  const core = await openCore(file, { appVersion: VERSION });
  try {
    // The first-run dialog's own operation, with its rule: only into a database without an office's own data.
    await registry.callOrThrow(core, 'app.finishOnboarding', { choice: 'sample' });
    const counts = await registry.callOrThrow(core, 'app.counts', {});
    console.log(
      zh
        ? `已载入示例数据到 ${file}：${counts.organizations} 个机构，${counts.partnerships} 项合作关系，${counts.milestones} 个里程碑，${counts.meetings} 次会见，${counts.tasks} 项任务，${counts.contacts} 位联系人。`
        : `Loaded the sample data into ${file}: ${counts.organizations} organizations, ${counts.partnerships} partnerships, ${counts.milestones} milestones, ${counts.meetings} meetings, ${counts.tasks} tasks, ${counts.contacts} contacts.`,
    );
  } finally {
    core.close();
  }
}

async function check(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const file = requireDb(values.db);
  const report = await checkDatabase(file);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${file}: ok`);
    console.log(`schema version ${report.schemaVersion} of ${report.latestSchemaVersion}; integrity ${report.integrity}`);
    for (const [entity, n] of Object.entries(report.counts)) console.log(`  ${entity.padEnd(26)} ${n}`);
  }
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const file = requireDb(values.db);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError('--port must be a number from 0 to 65535', '--port 必须是 0 到 65535 之间的数字');
  // Calls slower than 50 ms, by name and duration, where the desktop app keeps its logs: beside the data.
  const slowLogFile = path.join(path.dirname(file), 'logs', SLOW_LOG_NAME);
  // The core in threads of its own (db/core-host.ts): this thread answers HTTP and never waits for SQL.
  const door = await startCoreThreads({ file, options: { appVersion: VERSION }, slowLogFile, renderPdf });
  // The day's backup, in a worker, before the first request (db/backup-worker.ts).
  const daily = await door.call('backups.daily', {});
  if (!daily.ok) throw new AppError(daily.error.code, daily.error.message, daily.error.fields);
  // The dashboard's and the meeting log's first reads, once, while the page loads: its first calls find them in cache.
  door.warm();
  const running = await startBrowserMode({
    call: (name, input) => door.call(name, input),
    staticDir: process.env.PT_RENDERER_DIR ?? path.join(ROOT, 'out', 'renderer'),
    port,
  });
  console.log(zh ? `伙伴关系管理（浏览器模式）：${running.url}` : `Partnership Tracker (browser mode): ${running.url}`);
  const stop = () => {
    void running
      .close()
      .then(() => door.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function passphraseFrom(variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = process.env[variable];
  if (!value) throw usageError(`the environment variable ${variable} is empty or not set`, `环境变量 ${variable} 为空或未设置`);
  return value;
}

async function exportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, 'passphrase-env': { type: 'string' } }, strict: true });
  const file = requireDb(values.db);
  if (!values.out) throw usageError('--out FILE is required', '需要 --out 文件');
  const passphrase = passphraseFrom(values['passphrase-env']);
  const core = await openCore(file, { appVersion: VERSION });
  try {
    // The CLI keeps its paths: the file named on the command line is the one the person chose.
    const target = await registry.callOrThrow(core, 'files.grant', { path: path.resolve(values.out), mode: 'write' });
    const result = await registry.callOrThrow(core, 'sync.export', { file: target.file, ...(passphrase ? { passphrase } : {}) });
    console.log(
      zh
        ? `已导出到 ${result.path}（${result.bytes} 字节${result.encrypted ? '，已加密' : ''}）。`
        : `Exported to ${result.path} (${result.bytes} bytes${result.encrypted ? ', encrypted' : ''}).`,
    );
  } finally {
    core.close();
  }
}

async function mergeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'passphrase-env': { type: 'string' },
      'accept-clock-skew': { type: 'boolean' },
    },
    strict: true,
  });
  const file = requireDb(values.db);
  if (!values.from) throw usageError('--from FILE is required', '需要 --from 文件');
  const passphrase = passphraseFrom(values['passphrase-env']);
  const core = await openCore(file, { appVersion: VERSION });
  try {
    // The Sync view's own operations: the preview (in the merge worker), or the merge.
    const chosen = await registry.callOrThrow(core, 'files.grant', { path: path.resolve(values.from), mode: 'read' });
    const request = { file: chosen.file, ...(passphrase ? { passphrase } : {}), acceptClockSkew: !!values['accept-clock-skew'] };
    const summary = values['dry-run']
      ? // A dry run in JSON lists every value that breaks the rules, instead of refusing at the first.
        await registry.callOrThrow(core, 'sync.preview', { ...request, listInvalid: !!values.json })
      : await registry.callOrThrow(core, 'sync.merge', request);
    if (values.json) {
      const { added, changed, deleted, conflicts, entities } = summary;
      if (summary.invalidCount > 0) {
        // The file would be refused: say why in the UI language, list every bad value, and fail.
        const refusal = summary.refusal!;
        const invalid = summary.invalid.map(({ table, id, field, reason, message }) => ({ table, id, field, reason, message: zh ? message.zh : message.en }));
        console.log(JSON.stringify({ refused: zh ? refusal.zh : refusal.en, invalidCount: summary.invalidCount, invalid, dryRun: true }));
        process.exitCode = 1;
        return;
      }
      console.log(JSON.stringify({ added, changed, deleted, conflicts, entities, dryRun: !!values['dry-run'], duplicates: summary.duplicates.length }));
    } else {
      const what = values['dry-run'] ? (zh ? '预览（未写入）' : 'Preview (nothing written)') : zh ? '已合并' : 'Merged';
      console.log(
        zh
          ? `${what}：新增 ${summary.added}，修改 ${summary.changed}，删除 ${summary.deleted}，冲突 ${summary.conflicts}。`
          : `${what}: ${summary.added} added, ${summary.changed} changed, ${summary.deleted} deleted, ${summary.conflicts} conflicts.`,
      );
    }
  } finally {
    core.close();
  }
}

async function reportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      partnership: { type: 'string' },
      portfolio: { type: 'boolean' },
      lang: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      classification: { type: 'string' },
      status: { type: 'string' },
      country: { type: 'string' },
      owner: { type: 'string' },
      today: { type: 'string' },
    },
    strict: true,
  });
  const file = requireDb(values.db);
  if (!values.out) throw usageError('--out FILE is required', '需要 --out 文件');
  if (!!values.partnership === !!values.portfolio)
    throw usageError('give either --partnership ID or --portfolio', '请指定 --partnership ID 或 --portfolio 之一');
  const format = values.format ?? (values.out.toLowerCase().endsWith('.html') ? 'html' : 'pdf');
  if (format !== 'pdf' && format !== 'html') throw usageError('--format is pdf or html', '--format 只能是 pdf 或 html');
  const core = await openCore(file, { appVersion: VERSION, readonly: false });
  try {
    const common = {
      lang: values.lang ?? 'zh',
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(values.today ? { today: values.today } : {}),
      ...(values.classification ? { classification: values.classification } : {}),
    };
    const input = values.partnership
      ? { kind: 'partnership', partnershipId: values.partnership, ...common }
      : {
          kind: 'portfolio',
          ...common,
          ...(values.status ? { status: values.status } : {}),
          ...(values.country ? { country: values.country } : {}),
          ...(values.owner ? { owner: values.owner } : {}),
        };
    // Options from the command line are checked by the operation's own schema, as any caller's are.
    const html = await registry.callOrThrow(core, 'reports.html', input as OperationInput<'reports.html'>);
    // Whole or not at all, readable by the user only (a report holds officials' names and notes).
    writeFileAtomic(values.out, format === 'html' ? html : await renderPdf(html));
    console.log(zh ? `报告已写入 ${path.resolve(values.out)}` : `Report written to ${path.resolve(values.out)}`);
  } finally {
    core.close();
    await closePdfBrowser();
  }
}

async function searchCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, kind: { type: 'string', multiple: true } },
    allowPositionals: true,
    strict: true,
  });
  const file = requireDb(values.db);
  if (positionals.length === 0) throw usageError('give the words to search for', '请给出要搜索的内容');
  const input = {
    query: positionals.join(' '),
    ...(values.limit !== undefined ? { limit: Number(values.limit) } : {}),
    ...(values.kind ? { kinds: values.kind } : {}),
  };
  // Opened writable so that a file indexed by another version is re-indexed first.
  const core = await openCore(file, { appVersion: VERSION });
  try {
    const result = await registry.callOrThrow(core, 'search.query', input as OperationInput<'search.query'>);
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    if (result.groups.length === 0) console.log(zh ? '没有找到。' : 'Nothing found.');
    const mark = process.stdout.isTTY ? (t: string) => `\x1b[1m${t}\x1b[22m` : (t: string) => `[${t}]`;
    for (const group of result.groups) {
      console.log(`${zh ? SEARCH_KIND_LABELS[group.kind].zh : SEARCH_KIND_LABELS[group.kind].en}${group.next ? ' …' : ''}`);
      for (const hit of group.hits) {
        console.log(`  ${hit.title}${hit.context ? ` · ${hit.context}` : ''}  ${hit.id}`);
        console.log(`    ${hit.snippet.map((p) => (p.match ? mark(p.text) : p.text)).join('')}`);
      }
    }
  } finally {
    core.close();
  }
}

async function generate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const file = requireDb(values.db);
  const { generateDatabase, isGenerateScale } = await import('../db/generate');
  const scale = values.scale?.toUpperCase() ?? '';
  if (!isGenerateScale(scale)) throw usageError('--scale is S, M or L', '--scale 只能是 S、M 或 L');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (values.seed !== undefined && (!/^\d+$/.test(values.seed) || seed > 0xffffffff)) {
    throw usageError('--seed must be a whole number from 0 to 4294967295', '--seed 必须是 0 到 4294967295 之间的整数');
  }
  const core = await openCore(file, { appVersion: VERSION });
  try {
    const progress = process.stderr.isTTY
      ? (done: number, total: number) => process.stderr.write(`\r${Math.min(100, Math.floor((done / total) * 100))}%`)
      : undefined;
    const summary = generateDatabase(core, { scale, seed, ...(progress ? { onProgress: progress } : {}) });
    if (progress) process.stderr.write('\r');
    const rate = summary.rowsPerSecond.toLocaleString('en-US');
    const rows = summary.rows.toLocaleString('en-US');
    console.log(
      zh
        ? `已生成 ${rows} 行（规模 ${scale}，种子 ${seed}）到 ${file}：${summary.seconds.toFixed(2)} 秒，${rate} 行/秒。`
        : `Generated ${rows} rows (scale ${scale}, seed ${seed}) into ${file} in ${summary.seconds.toFixed(2)} s: ${rate} rows/s.`,
    );
  } finally {
    core.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sample':
        await sample(rest);
        return 0;
      case 'check':
        await check(rest);
        return 0;
      case 'serve':
        await serve(rest);
        return 0;
      case 'export':
        await exportCommand(rest);
        return 0;
      case 'merge':
        await mergeCommand(rest);
        return 0;
      case 'report':
        await reportCommand(rest);
        return 0;
      case 'generate':
        await generate(rest);
        return 0;
      case 'search':
        await searchCommand(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return 0;
      default:
        throw usageError(`unknown command "${command}"`, `未知命令“${command}”`);
    }
  } catch (error) {
    const serialized =
      error instanceof AppError
        ? error.toJSON()
        : error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
          ? usageError(error.message, error.message).toJSON()
          : toSerializedError(error);
    console.error(zh ? `错误：${serialized.message.zh}` : `Error: ${serialized.message.en}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
