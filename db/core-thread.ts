/**
 * The core's own thread (a worker thread in `serve`, a utility process in Electron): it owns a database
 * connection and answers the contract's calls that its host forwards (db/core-host.ts). The host's thread keeps
 * windows, menus, dialogs and HTTP, and never waits for SQL. What only the host can do (print a PDF with its browser
 * engine) the core asks of it.
 */
import { parentPort } from 'node:worker_threads';
import { openCore, type Core } from './core';
import { createRegistry } from './api';
import { toSerializedError } from './errors';
import { checkSearchIndexLater, type SearchCheckRun } from './search-check';
import type { CoreThreadRequest, CoreThreadReply } from './core-protocol';

/** A worker thread's parentPort, or an Electron utility process's (its messages come as `{ data }`). */
interface ParentPort {
  postMessage(message: CoreThreadReply): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}
const electronPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const port: ParentPort | null = parentPort ?? electronPort ?? null;
const unwrap = (message: unknown): CoreThreadRequest => (parentPort ? message : (message as { data: unknown }).data) as CoreThreadRequest;

let core: Core | null = null;
let searchCheck: SearchCheckRun | null = null;
let registry = createRegistry();
let nextServiceId = 1;
const services = new Map<number, { resolve: (value: Buffer) => void; reject: (error: Error) => void }>();

function send(reply: CoreThreadReply): void {
  port?.postMessage(reply);
}

async function handle(request: CoreThreadRequest): Promise<void> {
  switch (request.type) {
    case 'open': {
      try {
        registry = createRegistry(undefined, request.slowLogFile ? { slowLogFile: request.slowLogFile } : {});
        core = await openCore(request.file, { ...request.options, ...(request.role === 'reader' ? { attached: true } : {}) });
        // A reader answers reads beside the writer and must never write (its connection refuses to).
        if (request.role === 'reader') core.sqlite.pragma('query_only = ON');
        if (request.renderPdf) {
          core.services.renderPdf = (html) =>
            new Promise<Buffer>((resolve, reject) => {
              const id = nextServiceId++;
              services.set(id, { resolve, reject });
              send({ type: 'service', id, name: 'renderPdf', html });
            });
        }
        send({ type: 'ready' });
        // The open checked the records; the search index (derived) is checked now, in the background (db/search-check.ts).
        if (request.role === 'writer') searchCheck = checkSearchIndexLater(core);
      } catch (error) {
        send({ type: 'openFailed', error: toSerializedError(error) });
      }
      return;
    }
    case 'call': {
      const envelope = core
        ? await registry.callAsync(core, request.name, request.input)
        : { ok: false as const, error: toSerializedError(new Error('the core is not open')) };
      send({ type: 'result', id: request.id, envelope });
      return;
    }
    case 'warm': {
      // A registry of its own: these reads are nobody's calls, and no slow-operation log's entries.
      const quiet = createRegistry();
      for (const read of request.reads) if (core) await quiet.callAsync(core, read.name, read.input);
      return;
    }
    case 'serviceResult': {
      const waiting = services.get(request.id);
      services.delete(request.id);
      if (!waiting) return;
      if (request.ok) waiting.resolve(Buffer.from(request.value));
      else waiting.reject(new Error(request.error));
      return;
    }
    case 'close': {
      await searchCheck?.stop();
      searchCheck = null;
      core?.close();
      core = null;
      send({ type: 'closed' });
      return;
    }
  }
}

port?.on('message', (message) => {
  void handle(unwrap(message));
});
