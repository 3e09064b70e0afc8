/** Long work (merging a large file) runs off the thread that answers the UI; its progress is polled by id. */
import { z } from 'zod';
import { uuidv7 } from './ids';
import { AppError, toSerializedError, type SerializedAppError } from './errors';
import { idSchema } from './validation';

export interface JobState {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  startedAt: string;
  result: unknown;
  error: SerializedAppError | null;
}

export const jobInput = z.strictObject({ id: idSchema });

export class JobRegistry {
  private readonly jobs = new Map<string, JobState>();

  start(kind: string, run: (progress: (done: number, total: number) => void) => Promise<unknown>): JobState {
    const job: JobState = { id: uuidv7(), kind, status: 'running', done: 0, total: 0, startedAt: new Date().toISOString(), result: null, error: null };
    this.jobs.set(job.id, job);
    run((done, total) => {
      job.done = done;
      job.total = total;
    }).then(
      (result) => {
        job.result = result;
        job.status = 'done';
      },
      (error: unknown) => {
        job.error = toSerializedError(error);
        job.status = 'failed';
      },
    );
    return { ...job };
  }

  get(id: string): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not_found', { zh: '找不到该后台任务。', en: 'No such background job.' });
    return { ...job };
  }
}
