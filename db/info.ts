import { z } from 'zod';
import type { Core } from './core';
import { tableName } from './core';
import { recordTables, type RecordEntity } from './schema';
import { loadSampleData } from './sample';

export const onboardingInput = z.strictObject({ choice: z.enum(['sample', 'empty']) });

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  origin: string;
  officeName: string | null;
  /** A new, empty database whose user has not yet chosen sample data or an empty start. */
  needsOnboarding: boolean;
  counts: Record<RecordEntity, number>;
}

export function countRecords(core: Core): Record<RecordEntity, number> {
  const counts = {} as Record<RecordEntity, number>;
  for (const entity of Object.keys(recordTables) as RecordEntity[]) {
    const row = core.sqlite.prepare(`SELECT count(*) AS n FROM "${tableName(entity)}" WHERE deleted_at IS NULL`).get() as { n: number };
    counts[entity] = row.n;
  }
  return counts;
}

export function appInfo(core: Core): AppInfo {
  const counts = countRecords(core);
  const empty = Object.values(counts).every((n) => n === 0);
  return {
    version: core.appVersion,
    databasePath: core.opened.path,
    schemaVersion: core.opened.schemaVersion,
    origin: core.clock.origin,
    officeName: core.getMeta('office_name'),
    needsOnboarding: empty && core.getMeta('onboarding') !== 'done',
    counts,
  };
}

export function finishOnboarding(core: Core, input: z.output<typeof onboardingInput>): AppInfo {
  if (input.choice === 'sample') loadSampleData(core);
  core.setMeta('onboarding', 'done');
  return appInfo(core);
}
