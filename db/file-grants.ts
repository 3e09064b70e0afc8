/**
 * The files a person chose, by handle (common/files.ts): a shell grants a handle for the path its dialog (or upload)
 * gave it, and the contract's file operations take only handles. A handle is bound to one use: reading (preview, and
 * then the one merge that uses it up) or writing (the one export). The page cannot make one up, and cannot name any
 * other file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from './errors';

export type GrantMode = 'read' | 'write';

interface Grant {
  path: string;
  mode: GrantMode;
  name: string;
  at: number;
}

/** Handles kept at most (the oldest go first): a person chooses a few files a day. */
const MAX_GRANTS = 64;
/** A choice not used within a day is forgotten. */
const GRANT_TTL_MS = 24 * 60 * 60 * 1000;

export function notChosen(): AppError {
  return new AppError('forbidden', {
    zh: '这个文件没有经过选择，或这次选择已经用过。请重新选择文件。未读写任何文件。',
    en: 'This file was not chosen, or that choice has already been used. Choose the file again. No file was read or written.',
  });
}

export class FileGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A handle for `file`, to be read or written once; `name` is what the page shows (the file's own name unless given). */
  grant(file: string, mode: GrantMode, name = path.basename(file)): { file: string; name: string } {
    const handle = `f_${randomBytes(24).toString('base64url')}`;
    this.grants.set(handle, { path: path.resolve(file), mode, name, at: this.now() });
    while (this.grants.size > MAX_GRANTS) this.grants.delete(this.grants.keys().next().value!);
    return { file: handle, name };
  }

  /** The path behind `handle`, granted for `mode`; refused (file_not_chosen) otherwise. */
  resolve(handle: string, mode: GrantMode): string {
    const grant = this.grants.get(handle);
    if (!grant || grant.mode !== mode || this.now() - grant.at > GRANT_TTL_MS) throw notChosen();
    return grant.path;
  }

  /** The handle is used up (an export written, a merge applied). */
  release(handle: string): void {
    this.grants.delete(handle);
  }
}
