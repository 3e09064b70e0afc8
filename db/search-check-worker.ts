/**
 * Worker-thread entry: the search index's check after the start (db/search-check.ts), with a connection of its own,
 * and its rebuild if damaged. Built as its own bundle (out/main/search-check-worker.js, out/cli/).
 */
import { setPriority } from 'node:os';
import { repairSearchIndex } from './search';
import { answerOnce } from './worker-once';

answerOnce((core) => {
  // Seconds of reading at L: at the lowest priority, so that it never slows what the person is doing. Only on Linux,
  // where a priority is a thread's own (elsewhere this would lower the whole app's).
  if (process.platform === 'linux') setPriority(19);
  return repairSearchIndex(core);
});
