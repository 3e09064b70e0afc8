import { z } from 'zod';
import type { Core } from './core';
import { tableName } from './core';
import { recordTables, type RecordEntity } from './schema';
import { loadSampleData } from './sample';
import { AppError } from './errors';
import { META_OFFICE_NAME_EN, settingsUpdateInput, updateSettings } from './settings';

/** The first start's choice, with the office's names and the user's own (the same rules as Settings). */
export const onboardingInput = z.strictObject({
  choice: z.enum(['sample', 'empty']),
  ...settingsUpdateInput.pick({ officeName: true, officeNameEn: true, userName: true }).shape,
});

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  origin: string;
  officeName: string | null;
  /** The office's name in English (Settings), shown in the English UI where there is one. */
  officeNameEn: string | null;
  /** A new, empty database whose user has not yet chosen sample data or an empty start. */
  needsOnboarding: boolean;
}

/** Live records per table. Each count reads its whole table (about 0.3 s for all of them at L): not for startup. */
export function countRecords(core: Core): Record<RecordEntity, number> {
  const counts = {} as Record<RecordEntity, number>;
  for (const entity of Object.keys(recordTables) as RecordEntity[]) {
    const row = core.sqlite.prepare(`SELECT count(*) AS n FROM "${tableName(entity)}" WHERE deleted_at IS NULL`).get() as { n: number };
    counts[entity] = row.n;
  }
  return counts;
}

/** No record at all, live or deleted (one row looked at per table, where counting would read them all). */
function isEmpty(core: Core): boolean {
  return (Object.keys(recordTables) as RecordEntity[]).every((entity) => !core.sqlite.prepare(`SELECT 1 FROM "${tableName(entity)}" LIMIT 1`).get());
}

/** What the app asks when it starts: cheap at any size (the counts are `app.counts`, asked by Settings). */
export function appInfo(core: Core): AppInfo {
  const empty = isEmpty(core);
  return {
    version: core.appVersion,
    databasePath: core.opened.path,
    schemaVersion: core.opened.schemaVersion,
    origin: core.clock.origin,
    officeName: core.getMeta('office_name'),
    officeNameEn: core.getMeta(META_OFFICE_NAME_EN),
    needsOnboarding: empty && core.getMeta('onboarding') !== 'done',
  };
}

/** Whether any record was written by an office (anything but the sample's own rows, live or deleted). */
function holdsOwnData(core: Core): boolean {
  return Object.keys(recordTables).some(
    (entity) =>
      core.sqlite
        .prepare(`SELECT EXISTS (SELECT 1 FROM "${tableName(entity as RecordEntity)}" WHERE origin <> 'sample')`)
        .pluck()
        .get() === 1,
  );
}

/**
 * The first run's choice (the UI's dialog, `cli sample`): the sample data, or an empty start. The sample
 * goes only into a database that holds no office's own records, in every shell.
 */
export function finishOnboarding(core: Core, input: z.output<typeof onboardingInput>): AppInfo {
  if (input.choice === 'sample') {
    if (holdsOwnData(core)) {
      throw new AppError('conflict', {
        zh: '此数据库中已有数据；示例数据只能载入新的或空的数据库。',
        en: 'This database already holds data; sample data is loaded only into a new or empty database.',
      });
    }
    loadSampleData(core);
  }
  updateSettings(core, { officeName: input.officeName || undefined, officeNameEn: input.officeNameEn || undefined, userName: input.userName || undefined });
  core.setMeta('onboarding', 'done');
  return appInfo(core);
}
