/**
 * Loaded first in a stand-in utility process (test/desktop/stand-in.ts, utilityProcess.fork): gives the child
 * `process.parentPort` as Electron does (messages arrive as `{ data }`), and reports each worker thread it starts
 * to the harness's timeline.
 */
const { EventEmitter } = require('node:events');
const path = require('node:path');
const workerThreads = require('node:worker_threads');

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send(message);
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }));
process.parentPort = parentPort;
// Electron ends its utility processes with the app: so does the stand-in, when the app's process is gone.
process.on('disconnect', () => process.exit(0));

const OriginalWorker = workerThreads.Worker;
workerThreads.Worker = class extends OriginalWorker {
  constructor(file, options) {
    super(file, options);
    process.send({ standIn: 'worker.start', detail: path.basename(String(file)) });
  }
};
