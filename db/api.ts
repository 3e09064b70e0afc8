/**
 * The contract: every operation the UI (Electron IPC, browser-mode HTTP) and the tests may
 * call. One operation = a name, a zod input schema and a handler. The registry validates
 * input, runs writes in one transaction, and turns every failure into a translated error.
 */
import { z } from 'zod';
import type { Core } from './core';
import { AppError, toSerializedError, type SerializedAppError } from './errors';
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
  partnershipCreateInput,
  partnershipListInput,
  partnershipUpdateInput,
  restorePartnership,
  updatePartnership,
} from './partnerships';
import { appInfo, finishOnboarding, onboardingInput } from './info';

export interface Operation<Name extends string, Input extends z.ZodType, Output> {
  name: Name;
  /** 'read' runs as is; 'write' runs inside one transaction: all of it or nothing. */
  mode: 'read' | 'write';
  input: Input;
  handler: (core: Core, input: z.output<Input>) => Output;
}

export function defineOperation<const Name extends string, Input extends z.ZodType, Output>(
  name: Name,
  mode: 'read' | 'write',
  input: Input,
  handler: (core: Core, input: z.output<Input>) => Output,
): Operation<Name, Input, Output> {
  return { name, mode, input, handler };
}

const noInput = z.strictObject({}).default({});

export const operationList = [
  defineOperation('app.info', 'read', noInput, (core) => appInfo(core)),
  defineOperation('app.finishOnboarding', 'write', onboardingInput, (core, input) => finishOnboarding(core, input)),

  defineOperation('organizations.list', 'read', organizationListInput, (core, input) => listOrganizations(core, input)),
  defineOperation('organizations.get', 'read', byIdInput, (core, input) => getOrganization(core, input.id)),
  defineOperation('organizations.create', 'write', organizationCreateInput, (core, input) => createOrganization(core, input)),
  defineOperation('organizations.update', 'write', organizationUpdateInput, (core, input) => updateOrganization(core, input)),
  defineOperation('organizations.delete', 'write', byIdInput, (core, input) => deleteOrganization(core, input.id)),
  defineOperation('organizations.restore', 'write', byIdInput, (core, input) => restoreOrganization(core, input.id)),

  defineOperation('partnerships.list', 'read', partnershipListInput, (core, input) => listPartnerships(core, input)),
  defineOperation('partnerships.get', 'read', byIdInput, (core, input) => getPartnership(core, input.id)),
  defineOperation('partnerships.create', 'write', partnershipCreateInput, (core, input) => createPartnership(core, input)),
  defineOperation('partnerships.update', 'write', partnershipUpdateInput, (core, input) => updatePartnership(core, input)),
  defineOperation('partnerships.delete', 'write', byIdInput, (core, input) => deletePartnership(core, input.id)),
  defineOperation('partnerships.restore', 'write', byIdInput, (core, input) => restorePartnership(core, input.id)),
] as const;

type AnyOperation = Operation<string, z.ZodType, unknown>;
type OperationsByName = { [Op in (typeof operationList)[number] as Op['name']]: Op };

export type OperationName = keyof OperationsByName;
export type OperationInput<N extends OperationName> = z.input<OperationsByName[N]['input']>;
export type OperationOutput<N extends OperationName> = ReturnType<OperationsByName[N]['handler']>;

/** What crosses IPC or HTTP: a value or a translated error, never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedAppError };

/** The typed client the renderer and tests use; every shell implements it with one transport. */
export type ApiClient = {
  [N in OperationName]: (input?: OperationInput<N>) => Promise<OperationOutput<N>>;
};

export class OperationRegistry {
  private readonly operations = new Map<string, AnyOperation>();

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

  /** Validate, run, and wrap: the single door every shell calls. */
  call(core: Core, name: string, rawInput: unknown): Envelope<unknown> {
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
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`operation ${name} failed:`, error);
      return { ok: false, error: toSerializedError(error) };
    }
  }
}

export function createRegistry(operations: readonly AnyOperation[] = operationList as readonly AnyOperation[]): OperationRegistry {
  const registry = new OperationRegistry();
  for (const operation of operations) registry.register(operation);
  return registry;
}
