/**
 * Worker-thread entry: the daily backup with a connection of its own, so the desktop window is up
 * and answering while a large file is copied. Built as its own bundle (out/main/backup-worker.js).
 */
import { ensureDailyBackup } from './backups';
import { answerOnce } from './worker-once';

answerOnce(ensureDailyBackup);
