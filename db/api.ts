/**
 * The contract: every operation the UI (Electron IPC, browser-mode HTTP) and the tests may
 * call. One operation = a name, a zod input schema and a handler. The registry validates
 * input, runs writes in one transaction, and turns every failure into a translated error.
 */
import { z } from 'zod';
import { placeSearchInput, searchPlaces } from './gazetteer';
import { createProgramme, programmeCreateInput } from './programmes';
import type { Core } from './core';
import { AppError, toSerializedError, type SerializedAppError } from './errors';
import { MIN_PASSPHRASE } from '../common/sync';
import { FILE_HANDLE_PATTERN } from '../common/files';
import { SLOW_OPERATION_MS, slowOperationLogger, type SlowOperation } from './slow-log';
export { SLOW_LOG_NAME, slowOperationLogger, type SlowOperation } from './slow-log';
import { inputError, byIdInput } from './validation';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  organizationCreateInput,
  organizationListInput,
  organizationUpdateInput,
  restoreOrganization,
  updateOrganization,
} from './organizations';
import {
  createPartnership,
  deletePartnership,
  getPartnership,
  listPartnerships,
  partnershipListInput,
  partnershipUpdateInput,
  restorePartnership,
  updatePartnership,
} from './partnerships';
import { appInfo, countRecords, finishOnboarding, onboardingInput } from './info';
import { partnershipFilterOptions } from './partnerships';
import { partnershipCreateWithMilestoneInput } from '../common/inputs/records';
import * as milestones from './milestones';
import * as contacts from './contacts';
import * as meetings from './meetings';
import * as tasks from './tasks';
import * as attachments from './attachments';
import { dashboard, dashboardInput } from './dashboard';
import { portfolioTimeline, timelineInput } from './timeline';
import { listReminders, remindersInput } from './reminders';
import { mapData, mapTitles } from './map';
import { MAP_TITLES_MAX } from '../common/limits';
import { listTrash, restoreFromTrash, trashRestoreInput } from './trash';
import { getSettings, settingsUpdateInput, updateSettings } from './settings';
import { idSchema } from './validation';
import { search, searchInput } from './search';
import path from 'node:path';
import { exportDatabaseAsync, type ExportStep } from './sync/files';
import * as review from './sync/review';
import { reportHtml, reportInput, reportPdf } from './reports';
import { mergeInWorker } from './sync/merge-job';
import { jobInput } from './jobs';
import { dailyBackupInWorker } from './backup-job';
import { backupDeleteInput, backupRestoreInput, createBackup, deleteBackup, listBackups, restoreBackup } from './backups';
import { historyListInput, listHistory } from './history';
import { commitImport, importCommitInput, importPreviewInput, previewImport } from './import';
import { exportList, exportListInput } from './import/export';

export interface Operation<Name extends string, Input extends z.ZodType, Output> {
  name: Name;
  /**
   * 'read' runs as is; 'write' runs inside one transaction: all of it or nothing; 'self' manages its
   * own transactions (export and merge: VACUUM INTO cannot run inside one).
   */
  mode: 'read' | 'write' | 'self';
  input: Input;
  handler: (core: Core, input: z.output<Input>) => Output;
}

export function defineOperation<const Name extends string, Input extends z.ZodType, Output>(
  name: Name,
  mode: 'read' | 'write' | 'self',
  input: Input,
  handler: (core: Core, input: z.output<Input>) => Output,
): Operation<Name, Input, Output> {
  return { name, mode, input, handler };
}

const noInput = z.strictObject({}).default({});
/** The titles of the partnerships a map line or place shows (db/map.ts). */
const mapTitlesInput = z.strictObject({ partnershipIds: z.array(idSchema).min(1).max(MAP_TITLES_MAX) });
const filePath = z.string().trim().min(1).max(4096);
/** A file a person chose in a shell (db/file-grants.ts): a handle, never a path. */
const fileHandle = z.string().regex(FILE_HANDLE_PATTERN, { error: 'not a chosen file' });
const syncExportInput = z.strictObject({ file: fileHandle, passphrase: z.string().min(MIN_PASSPHRASE).max(1024).optional() });
const syncFileInput = z.strictObject({ file: fileHandle, passphrase: z.string().max(1024).optional(), acceptClockSkew: z.boolean().optional() });
/** The preview can list every value that breaks the rules instead of refusing at the first (`cli merge --dry-run --json`). */
const syncPreviewInput = syncFileInput.extend({ listInvalid: z.boolean().optional() });
/** For shells only (common/files.ts SHELL_ONLY_OPERATIONS): the file a person chose in a dialog, an upload or a command line. */
const fileGrantInput = z.strictObject({ path: filePath, mode: z.enum(['read', 'write']), name: z.string().min(1).max(255).optional() });

/** A merge, or its preview, of the file behind a read handle: always in the merge worker (db/sync/merge-job.ts). */
function mergeChosen(
  core: Core,
  input: z.output<typeof syncPreviewInput>,
  options: { dryRun: boolean },
  progress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
) {
  const file = core.files.resolve(input.file, 'read');
  return mergeInWorker(
    core,
    {
      file,
      ...(input.passphrase ? { passphrase: input.passphrase } : {}),
      acceptClockSkew: !!input.acceptClockSkew,
      ...(options.dryRun ? { dryRun: true, ...(input.listInvalid ? { listInvalid: true } : {}) } : {}),
    },
    progress,
    signal,
  ).then((summary) => {
    // Merged: this choice is used up (a preview leaves it for the merge that follows).
    if (!options.dryRun) core.files.release(input.file);
    return summary;
  });
}

/** The steps of an export, as a job reports them: the snapshot, the sealing (encrypted only), the file written. */
const EXPORT_STEPS: Record<ExportStep, number> = { snapshot: 1, sealed: 2, written: 3 };

async function exportChosen(
  core: Core,
  input: z.output<typeof syncExportInput>,
  progress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
) {
  const target = core.files.resolve(input.file, 'write');
  const result = await exportDatabaseAsync(core, target, {
    ...(input.passphrase ? { passphrase: input.passphrase } : {}),
    ...(signal ? { signal } : {}),
    onStep: (step) => progress(EXPORT_STEPS[step], 3),
  });
  core.files.release(input.file);
  return { ...result, name: path.basename(result.path) };
}

export const operationList = [
  defineOperation('app.info', 'read', noInput, (core) => appInfo(core)),
  defineOperation('app.counts', 'read', noInput, (core) => countRecords(core)),
  defineOperation('app.finishOnboarding', 'write', onboardingInput, (core, input) => finishOnboarding(core, input)),

  defineOperation('organizations.list', 'read', organizationListInput, (core, input) => listOrganizations(core, input)),
  defineOperation('organizations.get', 'read', byIdInput, (core, input) => getOrganization(core, input.id)),
  defineOperation('organizations.create', 'write', organizationCreateInput, (core, input) => createOrganization(core, input)),
  defineOperation('organizations.update', 'write', organizationUpdateInput, (core, input) => updateOrganization(core, input)),
  defineOperation('organizations.delete', 'write', byIdInput, (core, input) => deleteOrganization(core, input.id)),
  defineOperation('organizations.restore', 'write', byIdInput, (core, input) => restoreOrganization(core, input.id)),

  defineOperation('partnerships.list', 'read', partnershipListInput, (core, input) => listPartnerships(core, input)),
  defineOperation('partnerships.get', 'read', byIdInput, (core, input) => getPartnership(core, input.id)),
  defineOperation('partnerships.create', 'write', partnershipCreateWithMilestoneInput, (core, input) => {
    // The partnership and its first milestone in one transaction: both, or neither.
    const { firstMilestone, ...fields } = input;
    const created = createPartnership(core, fields);
    if (!firstMilestone) return created;
    milestones.createMilestone(core, { ...firstMilestone, partnershipId: created.id });
    return getPartnership(core, created.id);
  }),
  defineOperation('programmes.create', 'write', programmeCreateInput, (core, input) => createProgramme(core, input)),
  defineOperation('partnerships.update', 'write', partnershipUpdateInput, (core, input) => updatePartnership(core, input)),
  defineOperation('partnerships.delete', 'write', byIdInput, (core, input) => deletePartnership(core, input.id)),
  defineOperation('partnerships.restore', 'write', byIdInput, (core, input) => restorePartnership(core, input.id)),
  defineOperation('partnerships.filterOptions', 'read', noInput, (core) => partnershipFilterOptions(core)),
  defineOperation('partnerships.contacts', 'read', z.strictObject({ partnershipId: idSchema }), (core, input) =>
    contacts.listPartnershipContacts(core, input.partnershipId),
  ),

  defineOperation('milestones.list', 'read', milestones.milestoneListInput, (core, input) => milestones.listMilestones(core, input.partnershipId)),
  defineOperation('milestones.get', 'read', byIdInput, (core, input) => milestones.getMilestone(core, input.id)),
  defineOperation('milestones.create', 'write', milestones.milestoneCreateInput, (core, input) => milestones.createMilestone(core, input)),
  defineOperation('milestones.update', 'write', milestones.milestoneUpdateInput, (core, input) => milestones.updateMilestone(core, input)),
  defineOperation('milestones.delete', 'write', byIdInput, (core, input) => milestones.deleteMilestone(core, input.id)),
  defineOperation('milestones.restore', 'write', byIdInput, (core, input) => milestones.restoreMilestone(core, input.id)),

  defineOperation('contacts.list', 'read', contacts.contactListInput, (core, input) => contacts.listContacts(core, input)),
  defineOperation('contacts.get', 'read', byIdInput, (core, input) => contacts.getContact(core, input.id)),
  defineOperation('contacts.create', 'write', contacts.contactCreateInput, (core, input) => contacts.createContact(core, input)),
  defineOperation('contacts.update', 'write', contacts.contactUpdateInput, (core, input) => contacts.updateContact(core, input)),
  defineOperation('contacts.delete', 'write', byIdInput, (core, input) => contacts.deleteContact(core, input.id)),
  defineOperation('contacts.restore', 'write', byIdInput, (core, input) => contacts.restoreContact(core, input.id)),

  defineOperation('meetings.list', 'read', meetings.meetingListInput, (core, input) => meetings.listMeetings(core, input)),
  defineOperation('meetings.get', 'read', byIdInput, (core, input) => meetings.getMeeting(core, input.id)),
  defineOperation('meetings.create', 'write', meetings.meetingCreateInput, (core, input) => meetings.createMeeting(core, input)),
  defineOperation('meetings.update', 'write', meetings.meetingUpdateInput, (core, input) => meetings.updateMeeting(core, input)),
  defineOperation('meetings.delete', 'write', byIdInput, (core, input) => meetings.deleteMeeting(core, input.id)),
  defineOperation('meetings.restore', 'write', byIdInput, (core, input) => meetings.restoreMeeting(core, input.id)),

  defineOperation('tasks.list', 'read', tasks.taskListInput, (core, input) => tasks.listTasks(core, input)),
  defineOperation('tasks.assignees', 'read', noInput, (core) => tasks.listAssignees(core)),
  defineOperation('tasks.get', 'read', byIdInput, (core, input) => tasks.getTask(core, input.id)),
  defineOperation('tasks.create', 'write', tasks.taskCreateInput, (core, input) => tasks.createTask(core, input)),
  defineOperation('tasks.update', 'write', tasks.taskUpdateInput, (core, input) => tasks.updateTask(core, input)),
  defineOperation('tasks.complete', 'write', byIdInput, (core, input) => tasks.completeTask(core, input.id)),
  defineOperation('tasks.reopen', 'write', byIdInput, (core, input) => tasks.reopenTask(core, input.id)),
  defineOperation('tasks.delete', 'write', byIdInput, (core, input) => tasks.deleteTask(core, input.id)),
  defineOperation('tasks.restore', 'write', byIdInput, (core, input) => tasks.restoreTask(core, input.id)),

  defineOperation('attachments.list', 'read', attachments.attachmentListInput, (core, input) => attachments.listAttachments(core, input)),
  defineOperation('attachments.add', 'write', attachments.attachmentAddInput, (core, input) => attachments.addAttachment(core, input)),
  defineOperation('attachments.content', 'read', byIdInput, (core, input) => attachments.attachmentContent(core, input.id)),
  defineOperation('attachments.remove', 'write', byIdInput, (core, input) => attachments.removeAttachment(core, input.id)),
  defineOperation('attachments.restore', 'write', byIdInput, (core, input) => attachments.restoreAttachment(core, input.id)),

  defineOperation('dashboard.get', 'read', dashboardInput, (core, input) => dashboard(core, input)),
  defineOperation('timeline.portfolio', 'read', timelineInput, (core, input) => portfolioTimeline(core, input)),
  defineOperation('reminders.list', 'read', remindersInput, (core, input) => listReminders(core, input)),
  defineOperation('map.data', 'read', noInput, (core) => mapData(core)),
  defineOperation('map.titles', 'read', mapTitlesInput, (core, input) => mapTitles(core, input.partnershipIds)),
  defineOperation('places.search', 'read', placeSearchInput, (_core, input) => searchPlaces(input)),
  defineOperation('trash.list', 'read', noInput, (core) => listTrash(core)),
  defineOperation('trash.restore', 'write', trashRestoreInput, (core, input) => restoreFromTrash(core, input)),
  defineOperation('search.query', 'read', searchInput, (core, input) => search(core, input)),
  defineOperation('files.grant', 'read', fileGrantInput, (core, input) => core.files.grant(input.path, input.mode, input.name)),
  defineOperation('sync.export', 'self', syncExportInput, (core, input) => exportChosen(core, input)),
  // The same export as a job: the Sync view shows its steps and can cancel it.
  defineOperation('sync.exportStart', 'self', syncExportInput, (core, input) => {
    core.files.resolve(input.file, 'write');
    return core.jobs.start('export', (progress, signal) => exportChosen(core, input, progress, signal));
  }),
  // One merge path, in the merge worker: an encrypted file's key derivation and a large file's reading stay off this
  // thread. The preview is its dry run; sync.mergeStart is the job the windows follow with a progress bar; sync.merge
  // waits for the same work (the CLI, the tests).
  defineOperation('sync.preview', 'self', syncPreviewInput, (core, input) => mergeChosen(core, input, { dryRun: true })),
  defineOperation('sync.merge', 'self', syncFileInput, (core, input) => mergeChosen(core, input, { dryRun: false })),
  defineOperation('sync.mergeStart', 'self', syncFileInput, (core, input) => {
    // Refused at once (not as a failed job) when the file was not chosen.
    core.files.resolve(input.file, 'read');
    return core.jobs.start('merge', (progress, signal) => mergeChosen(core, input, { dryRun: false }, progress, signal));
  }),
  defineOperation('jobs.get', 'read', jobInput, (core, input) => core.jobs.get(input.id)),
  defineOperation('jobs.cancel', 'read', jobInput, (core, input) => core.jobs.cancel(input.id)),
  defineOperation('sync.log', 'read', noInput, (core) => review.listSyncLog(core)),
  defineOperation('conflicts.list', 'read', review.conflictListInput, (core, input) => review.listConflicts(core, input)),
  defineOperation('conflicts.resolve', 'write', review.conflictResolveInput, (core, input) => review.resolveConflict(core, input)),
  defineOperation('duplicates.list', 'read', noInput, (core) => review.listDuplicates(core)),
  defineOperation('duplicates.decide', 'write', review.duplicateDecideInput, (core, input) => review.decideDuplicate(core, input)),
  defineOperation('reports.html', 'read', reportInput, (core, input) => reportHtml(core, input)),
  defineOperation('reports.pdf', 'read', reportInput, (core, input) => reportPdf(core, input)),
  // The same PDF as a job the Reports view follows and can cancel (a portfolio of a thousand partnerships takes seconds).
  defineOperation('reports.pdfStart', 'read', reportInput, (core, input) =>
    core.jobs.start('pdf', (progress, signal) => reportPdf(core, input, { progress, signal })),
  ),
  defineOperation('backups.list', 'read', noInput, (core) => listBackups(core)),
  // The day's backup (unless there is one), made in a worker with a connection of its own: what a shell runs on opening.
  defineOperation('backups.daily', 'self', noInput, (core) => dailyBackupInWorker(core)),
  defineOperation('backups.create', 'self', noInput, (core) => createBackup(core, 'manual')),
  defineOperation('backups.restore', 'self', backupRestoreInput, (core, input) => restoreBackup(core, input.name)),
  // The same restore as a job: the Backups view shows the page copy's progress, and can cancel it until the copy begins.
  defineOperation('backups.restoreStart', 'self', backupRestoreInput, (core, input) =>
    core.jobs.start('restore', async (progress, signal) => {
      let pages = 0;
      const result = await restoreBackup(core, input.name, {
        signal,
        onCopyProgress: (remaining, total) => {
          pages = total;
          progress(total - remaining, total);
        },
      });
      progress(pages, pages);
      return result;
    }),
  ),
  defineOperation('backups.delete', 'self', backupDeleteInput, (core, input) => deleteBackup(core, input.name)),
  defineOperation('history.list', 'read', historyListInput, (core, input) => listHistory(core, input)),
  defineOperation('import.preview', 'read', importPreviewInput, (core, input) => previewImport(core, input)),
  defineOperation('import.commit', 'self', importCommitInput, (core, input) => commitImport(core, input)),
  defineOperation('export.list', 'read', exportListInput, (core, input) => exportList(core, input)),
  defineOperation('settings.get', 'read', noInput, (core) => getSettings(core)),
  defineOperation('settings.update', 'write', settingsUpdateInput, (core, input) => updateSettings(core, input)),
] as const;

type AnyOperation = Operation<string, z.ZodType, unknown>;
type OperationsByName = { [Op in (typeof operationList)[number] as Op['name']]: Op };
type Settled<T> = T extends Promise<infer U> ? U : T;

export type OperationName = keyof OperationsByName;
export type OperationInput<N extends OperationName> = z.input<OperationsByName[N]['input']>;
export type OperationOutput<N extends OperationName> = Settled<ReturnType<OperationsByName[N]['handler']>>;

/** What crosses IPC or HTTP: a value or a translated error, never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedAppError };

/** The typed client the renderer and tests use; every shell implements it with one transport. */
export type ApiClient = {
  [N in OperationName]: (input?: OperationInput<N>) => Promise<OperationOutput<N>>;
};

export interface RegistryOptions {
  /** Told of every call slower than `slowMs` (50 ms unless given), with its name and duration. */
  onSlow?: (entry: SlowOperation) => void;
  /** Or: append those calls to this file (db/slow-log.ts), as the shells do. */
  slowLogFile?: string;
  slowMs?: number;
}

export class OperationRegistry {
  private readonly operations = new Map<string, AnyOperation>();

  private readonly onSlow: ((entry: SlowOperation) => void) | undefined;

  constructor(private readonly options: RegistryOptions = {}) {
    this.onSlow = options.onSlow ?? (options.slowLogFile ? slowOperationLogger(options.slowLogFile) : undefined);
  }

  /** Report a call that took longer than the limit; `started` from performance.now(). */
  private timed(name: string, started: number): void {
    const ms = performance.now() - started;
    if (!this.onSlow || ms <= (this.options.slowMs ?? SLOW_OPERATION_MS)) return;
    try {
      this.onSlow({ name, ms, at: new Date(Date.now() - ms).toISOString() });
    } catch (error) {
      // The log must never fail the call it measured.
      console.error('slow-operation log failed:', error);
    }
  }

  register(operation: AnyOperation): void {
    if (this.operations.has(operation.name)) {
      throw new Error(`operation "${operation.name}" is already registered`);
    }
    this.operations.set(operation.name, operation);
  }

  names(): string[] {
    return [...this.operations.keys()];
  }

  has(name: string): boolean {
    return this.operations.has(name);
  }

  /** The door every shell calls: like `call`, and waits for operations that work asynchronously (PDF). */
  async callAsync(core: Core, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
    const started = performance.now();
    const envelope = this.run(core, name, rawInput, true);
    if (!envelope.ok || !(envelope.value instanceof Promise)) {
      this.timed(name, started);
      return envelope;
    }
    try {
      return { ok: true, value: (await envelope.value) as unknown };
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`operation ${name} failed:`, error);
      return { ok: false, error: toSerializedError(error) };
    } finally {
      // An asynchronous operation (a PDF, a merge in its worker) is measured until it has finished.
      this.timed(name, started);
    }
  }

  /**
   * For shells that run the core in their own process (the CLI, the File menu): like `callAsync`, typed by
   * the operation's name, and a refusal comes back as the same AppError a form would show.
   */
  async callOrThrow<N extends OperationName>(core: Core, name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
    const envelope = await this.callAsync(core, name, input);
    if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.fields);
    return envelope.value as OperationOutput<N>;
  }

  /** Validate, run, and wrap. Synchronous operations only (see callAsync). */
  call(core: Core, name: string, rawInput: unknown): Envelope<unknown> {
    const started = performance.now();
    try {
      return this.run(core, name, rawInput, false);
    } finally {
      this.timed(name, started);
    }
  }

  private run(core: Core, name: string, rawInput: unknown, allowPromise: boolean): Envelope<unknown> {
    try {
      const operation = this.operations.get(name);
      if (!operation) {
        throw new AppError('unknown_operation', {
          zh: `应用内部错误：未知操作“${name}”。请更新应用。`,
          en: `Internal error: unknown operation "${name}". Update the app.`,
        });
      }
      const parsed = operation.input.safeParse(rawInput ?? undefined);
      if (!parsed.success) throw inputError(parsed.error);
      const run = () => operation.handler(core, parsed.data);
      const value = operation.mode === 'write' ? core.sqlite.transaction(run).immediate() : run();
      if (value instanceof Promise && !allowPromise) throw new Error(`operation ${name} is asynchronous: use callAsync`);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`operation ${name} failed:`, error);
      return { ok: false, error: toSerializedError(error) };
    }
  }
}

export function createRegistry(
  operations: readonly AnyOperation[] = operationList as readonly AnyOperation[],
  options: RegistryOptions = {},
): OperationRegistry {
  const registry = new OperationRegistry(options);
  for (const operation of operations) registry.register(operation);
  return registry;
}
