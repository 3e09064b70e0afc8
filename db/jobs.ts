/**
 * Long work (merging a large file, an export) runs off the thread that answers the UI; its progress is polled by id,
 * and it can be cancelled: the work sees its signal at its next step and leaves nothing behind.
 */
import { z } from 'zod';
import { uuidv7 } from './ids';
import { AppError, toSerializedError, type SerializedAppError } from './errors';
import { idSchema } from './validation';

export interface JobState {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  startedAt: string;
  result: unknown;
  error: SerializedAppError | null;
}

export const jobInput = z.strictObject({ id: idSchema });

export class JobRegistry {
  private readonly jobs = new Map<string, JobState>();
  private readonly controllers = new Map<string, AbortController>();

  start(kind: string, run: (progress: (done: number, total: number) => void, signal: AbortSignal) => Promise<unknown>): JobState {
    const job: JobState = { id: uuidv7(), kind, status: 'running', done: 0, total: 0, startedAt: new Date().toISOString(), result: null, error: null };
    this.jobs.set(job.id, job);
    const controller = new AbortController();
    this.controllers.set(job.id, controller);
    run((done, total) => {
      job.done = done;
      job.total = total;
    }, controller.signal)
      .finally(() => this.controllers.delete(job.id))
      .then(
        (result) => {
          job.result = result;
          job.status = 'done';
        },
        (error: unknown) => {
          job.error = toSerializedError(error);
          job.status = job.error.code === 'cancelled' ? 'cancelled' : 'failed';
        },
      );
    return { ...job };
  }

  /** Ask a running job to stop; it ends 'cancelled' at its next step (or 'done', when it had already finished). */
  cancel(id: string): JobState {
    const job = this.get(id);
    this.controllers.get(id)?.abort();
    return job;
  }

  get(id: string): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not_found', { zh: '找不到该后台任务。', en: 'No such background job.' });
    return { ...job };
  }
}
