/**
 * The shell's side of the core's own threads (db/core-thread.ts). `serve` and the desktop app call the contract
 * through a CoreDoor and never run SQL on the thread that answers the window or the browser: one writer thread owns
 * the file and answers every call, and one reader thread, a read-only connection of its own, answers the long
 * portfolio reads, so that a 2 s timeline at L leaves every other call (app.info, a save) answering meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from './worker-entry';
import { toSerializedError, AppError, type SerializedAppError } from './errors';
import type { Envelope } from './api';
import type { CoreOpenOptions, CoreThreadReply, CoreThreadRequest } from './core-protocol';

export type { CoreOpenOptions } from './core-protocol';
export { SLOW_LOG_NAME } from './slow-log';

/**
 * Reads that can take long at L and read nothing but committed rows: the reader answers them (WAL: it sees every
 * write that has been answered). Everything else, writes, jobs and the cheap reads, goes to the writer.
 */
export const READER_OPERATIONS: ReadonlySet<string> = new Set([
  'dashboard.get',
  'timeline.portfolio',
  'map.data',
  'places.search',
  'reminders.list',
  'search.query',
  'history.list',
  'trash.list',
  'partnerships.filterOptions',
  'export.list',
  'reports.html',
  'reports.pdf',
  'reports.pdfStart',
]);

/**
 * What the first screens read (the dashboard, its reminders, the meeting log's first page of 100 rows, as
 * renderer/src/lib/read-ahead.ts asks for it). Run once by `warm`, each in the thread that answers it: a new
 * connection's first reads fetch their pages into SQLite's cache and compile their code (at L the first dashboard.get
 * of a new connection took ~50 ms more than the next one, the first meetings.list ~20 ms more).
 */
export const FIRST_SCREEN_READS: readonly { name: string; input: unknown }[] = [
  { name: 'dashboard.get', input: {} },
  { name: 'reminders.list', input: {} },
  { name: 'meetings.list', input: { limit: 100, offset: 0 } },
];

/** How a shell reaches the core: the contract by name, an envelope back. */
export interface CoreDoor {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  /**
   * Run FIRST_SCREEN_READS once in the background (their answers dropped), so that the window's first calls find
   * their pages in cache. A shell calls it once it has nothing else to ask first (a call asked meanwhile waits for
   * the read ahead of it in that thread: tens of ms at L).
   */
  warm(): void;
  close(): Promise<void>;
}

/** One core thread as the host sees it: a worker thread here, an Electron utility process in the desktop app. */
export interface CorePort {
  post(message: CoreThreadRequest): void;
  onMessage(listener: (reply: CoreThreadReply) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface CoreThreadsOptions {
  file: string;
  options: CoreOpenOptions;
  /** Calls slower than 50 ms are appended here (db/slow-log.ts), by name and duration. */
  slowLogFile?: string;
  /** How this shell prints a report document to PDF; the core asks for it. */
  renderPdf?: (html: string) => Promise<Buffer>;
  /** Start one core thread; a worker thread unless given. */
  spawn?: () => CorePort;
  /** A reader beside the writer (default true). */
  reader?: boolean;
}

const stopped = (): SerializedAppError =>
  new AppError('internal', {
    zh: '应用的数据进程已停止。请重新启动应用；已保存的内容不会丢失。',
    en: 'The app’s data process has stopped. Restart the app; nothing saved is lost.',
  }).toJSON();

/** A worker thread running db/core-thread.ts (from the sources through tsx, or its bundle beside this one). */
export function workerThreadPort(): CorePort {
  const entry = workerEntry('core-thread');
  const worker = new Worker(entry.file, { execArgv: entry.execArgv });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => worker.on('exit', listener),
    kill: () => void worker.terminate(),
  };
}

class CoreThread {
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private exited = false;
  private opened: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private closed: (() => void) | null = null;

  constructor(
    private readonly port: CorePort,
    private readonly renderPdf: ((html: string) => Promise<Buffer>) | undefined,
  ) {
    port.onMessage((reply) => this.receive(reply));
    port.onExit(() => {
      this.exited = true;
      for (const answer of this.pending.values()) answer({ ok: false, error: stopped() });
      this.pending.clear();
      this.opened?.reject(new Error('the core thread stopped while opening the database'));
      this.closed?.();
    });
  }

  open(request: Extract<CoreThreadRequest, { type: 'open' }>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.opened = { resolve, reject };
      this.port.post(request);
    });
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.exited) return Promise.resolve({ ok: false, error: stopped() });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.port.post({ type: 'call', id, name, input });
    });
  }

  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.port.kill(), 10_000);
      this.closed = () => {
        clearTimeout(timer);
        resolve();
      };
      this.port.post({ type: 'close' });
    });
  }

  warm(reads: { name: string; input: unknown }[]): void {
    if (!this.exited && reads.length > 0) this.port.post({ type: 'warm', reads });
  }

  private receive(reply: CoreThreadReply): void {
    switch (reply.type) {
      case 'ready':
        this.opened?.resolve();
        this.opened = null;
        return;
      case 'openFailed':
        this.opened?.reject(new AppError(reply.error.code, reply.error.message, reply.error.fields));
        this.opened = null;
        return;
      case 'result': {
        const answer = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        answer?.(reply.envelope);
        return;
      }
      case 'service':
        void this.serve(reply.id, reply.html);
        return;
      case 'closed':
        this.port.kill();
        return;
    }
  }

  private async serve(id: number, html: string): Promise<void> {
    try {
      if (!this.renderPdf) throw new Error('this shell prints no PDF');
      const pdf = await this.renderPdf(html);
      this.port.post({ type: 'serviceResult', id, ok: true, value: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) });
    } catch (error) {
      this.port.post({ type: 'serviceResult', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * Open the database in a writer thread (migrations, backup first, the office id) and then a reader beside it (its
 * thread started with the writer's, its connection opened after); resolve
 * with the door to both. A file the core refuses rejects with the same AppError that opening it in-process gives.
 */
export async function startCoreThreads(options: CoreThreadsOptions): Promise<CoreDoor> {
  const spawn = options.spawn ?? workerThreadPort;
  const request = (role: 'writer' | 'reader'): Extract<CoreThreadRequest, { type: 'open' }> => ({
    type: 'open',
    file: options.file,
    role,
    options: options.options,
    ...(options.slowLogFile ? { slowLogFile: options.slowLogFile } : {}),
    renderPdf: !!options.renderPdf,
  });
  const writer = new CoreThread(spawn(), options.renderPdf);
  // The reader's thread starts now, beside the writer: it loads its code while the writer opens and checks the file
  // (about 0.2 s of a start at L). It opens the file only once the writer has: the writer migrates it first.
  const candidate = options.reader === false ? null : new CoreThread(spawn(), options.renderPdf);
  try {
    await writer.open(request('writer'));
  } catch (error) {
    await Promise.all([writer.close(), candidate?.close()]);
    throw error;
  }
  let reader: CoreThread | null = null;
  if (candidate) {
    try {
      await candidate.open(request('reader'));
      reader = candidate;
    } catch (error) {
      // The writer alone answers everything: slower at L, never wrong.
      console.error('the reader thread could not open the database:', toSerializedError(error).message.en);
      await candidate.close();
    }
  }
  // A job lives in the thread that started it: its progress and its cancel are asked there.
  const jobOwners = new Map<string, CoreThread>();
  const threadFor = (name: string, input: unknown): CoreThread => {
    if (name === 'jobs.get' || name === 'jobs.cancel') {
      const id = (input as { id?: unknown } | null)?.id;
      return (typeof id === 'string' && jobOwners.get(id)) || writer;
    }
    return reader && READER_OPERATIONS.has(name) ? reader : writer;
  };
  return {
    call: async (name, input) => {
      const thread = threadFor(name, input);
      const envelope = await thread.call(name, input);
      const job = envelope.ok && name.endsWith('Start') ? (envelope.value as { id?: unknown } | null) : null;
      if (job && typeof job.id === 'string') jobOwners.set(job.id, thread);
      return envelope;
    },
    warm: () => {
      for (const thread of new Set([writer, reader ?? writer])) {
        thread.warm(FIRST_SCREEN_READS.filter((read) => threadFor(read.name, read.input) === thread));
      }
    },
    close: async () => {
      await reader?.close();
      await writer.close();
    },
  };
}
