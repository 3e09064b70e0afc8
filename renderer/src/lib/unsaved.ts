/**
 * No typed work is lost without a word: every form registers whether it holds unsaved changes, and
 * whatever would throw them away asks first ("Discard unsaved changes?"): closing a dialog (Esc, ×,
 * a click outside, Cancel), going elsewhere in the app (route.ts consults `hasUnsavedChanges` on every
 * hash change) and closing the window (`beforeunload`, the browser's own prompt).
 *
 * The question itself is drawn once, by `DiscardChangesDialog` (components/DiscardChangesDialog.tsx),
 * from the state kept here; `askDiscard` puts it on screen and resolves with the answer.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';

/** A mounted form: `dirty` is asked only when something would discard it. */
interface Entry {
  dirty: () => boolean;
  /** Saved, or its changes discarded on purpose: nothing asks for it any more. */
  released: boolean;
}

const entries = new Set<Entry>();

export function hasUnsavedChanges(): boolean {
  for (const entry of entries) if (!entry.released && entry.dirty()) return true;
  return false;
}

/** The user chose Discard for leaving the page: every form on it goes without asking again. */
export function releaseAll(): void {
  for (const entry of entries) entry.released = true;
}

let question: Promise<boolean> | null = null;
let answer: ((discard: boolean) => void) | null = null;
const watchers = new Set<() => void>();
const notify = () => watchers.forEach((watcher) => watcher());

/**
 * Ask "Discard unsaved changes?"; true for Discard. Asked again while on screen (Esc reaches both
 * the dialog and the form under it, back and a link may come together), it gives the same answer,
 * for the rest of the event that answered too.
 */
export function askDiscard(): Promise<boolean> {
  if (question) return question;
  question = new Promise<boolean>((resolve) => {
    answer = (discard) => {
      answer = null;
      resolve(discard);
      notify();
      window.setTimeout(() => {
        question = null;
      }, 0);
    };
  });
  notify();
  return question;
}

export function answerDiscard(discard: boolean): void {
  answer?.(discard);
}

/** Whether the question is on screen, for the dialog that draws it. */
export function useDiscardQuestion(): boolean {
  return useSyncExternalStore(
    (watcher) => {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    () => answer !== null,
  );
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (!hasUnsavedChanges()) return;
  // The browser asks with its own words. Electron shows nothing by itself and keeps the window
  // open: its main process answers in 'will-prevent-unload' (electron/main.ts).
  event.preventDefault();
  event.returnValue = '';
}

export interface UnsavedGuard {
  /** Run `then` (a close, a cancel) at once when clean; when dirty, only once the user chose Discard. */
  confirm: (then: () => void) => void;
}

/**
 * Register a form's unsaved changes while it is mounted: navigation and closing the window ask while
 * `dirty` holds, and `confirm` guards the form's own ways out. `dirty` may be a function, asked only
 * when needed (see `useDraftChanges`).
 */
export function useUnsavedGuard(dirty: boolean | (() => boolean)): UnsavedGuard {
  const latest = useRef(dirty);
  latest.current = dirty;
  const [entry] = useState<Entry>(() => ({
    dirty: () => (typeof latest.current === 'function' ? latest.current() : latest.current),
    released: false,
  }));
  useEffect(() => {
    entries.add(entry);
    if (entries.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      entries.delete(entry);
      if (entries.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [entry]);
  return useMemo(
    () => ({
      confirm: (then) => {
        if (entry.released || !entry.dirty()) return then();
        void askDiscard().then((discard) => {
          if (!discard) return;
          entry.released = true;
          then();
        });
      },
    }),
    [entry],
  );
}

/**
 * Whether a form's draft differs from what the form opened with, asked only when something would
 * discard it; `saved()` before handing the saved record on, so that closing or navigating after a
 * save never asks.
 */
export function useDraftChanges<T>(draft: T): { dirty: () => boolean; saved: () => void } {
  const [initial] = useState(() => JSON.stringify(draft));
  const latest = useRef(draft);
  latest.current = draft;
  const isSaved = useRef(false);
  return useMemo(
    () => ({
      dirty: () => !isSaved.current && JSON.stringify(latest.current) !== initial,
      saved: () => {
        isSaved.current = true;
      },
    }),
    [initial],
  );
}

/** The ways out of the dialog around: its Cancel asks as its × does. Outside a dialog, runs at once. */
export const GuardContext = createContext<UnsavedGuard['confirm']>((then) => then());

export function useGuardedClose(): UnsavedGuard['confirm'] {
  return useContext(GuardContext);
}

/**
 * Drafts inside a dialog's form that are not the form's own values (a panel creating an organization or a programme
 * in place, InlinePanel): each registers with the dialog around it, which counts them as its unsaved changes.
 */
const NestedDraftsContext = createContext<((dirty: () => boolean) => () => void) | null>(null);
export const NestedDraftsProvider = NestedDraftsContext;

/** For a dialog: the register its panels use, and whether any of them holds typed text. */
export function useNestedDrafts(): { register: (dirty: () => boolean) => () => void; dirty: () => boolean } {
  const [drafts] = useState(() => new Set<() => boolean>());
  const register = useCallback(
    (dirty: () => boolean) => {
      drafts.add(dirty);
      return () => {
        drafts.delete(dirty);
      };
    },
    [drafts],
  );
  return useMemo(() => ({ register, dirty: () => [...drafts].some((dirty) => dirty()) }), [register, drafts]);
}

/** For a panel inside a dialog's form: its own typed text counts as the dialog's unsaved changes while it is open. */
export function useNestedDraft(dirty: boolean): void {
  const register = useContext(NestedDraftsContext);
  const latest = useRef(dirty);
  latest.current = dirty;
  useEffect(() => register?.(() => latest.current), [register]);
}
