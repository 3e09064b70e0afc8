/**
 * Worker-thread entry: a backup written while the thread that started it goes on (the backup before a merge, made
 * while the merge runs). It says through a shared flag that it runs and how it ended, so that thread can wait for it
 * without its event loop (db/backups.ts startBackup). Built as its own bundle (out/main/snapshot-worker.js).
 */
import { workerData } from 'node:worker_threads';
import { SNAPSHOT_DONE, SNAPSHOT_FAILED, SNAPSHOT_RUNNING, writeSnapshot, type SnapshotJob } from './snapshot';

const input = workerData as (SnapshotJob & { state: Int32Array }) | null;
if (input?.state) {
  const say = (value: number) => {
    Atomics.store(input.state, 0, value);
    Atomics.notify(input.state, 0);
  };
  say(SNAPSHOT_RUNNING);
  say(writeSnapshot(input) ? SNAPSHOT_DONE : SNAPSHOT_FAILED);
}
