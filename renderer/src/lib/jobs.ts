/** Following a job of the core (a merge, an export) from the page: its progress as it goes, its result or its error. */
import { api, ApiError } from '../api';
import type { JobState } from '@db/jobs';

/** Poll `job` until it ends; the result, or the ApiError it ended with (a cancelled job too: code 'cancelled'). */
export async function waitForJob(job: JobState, onProgress: (done: number, total: number) => void, pollMs = 200): Promise<unknown> {
  let state = job;
  while (state.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    state = await api['jobs.get']({ id: state.id });
    onProgress(state.done, state.total);
  }
  if (state.status !== 'done') {
    throw new ApiError(state.error ?? { code: 'internal', message: { zh: '后台任务失败。', en: 'The background job failed.' } });
  }
  return state.result;
}
