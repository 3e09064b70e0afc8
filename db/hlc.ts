/**
 * Hybrid logical clock stamps, as text that sorts in causal-then-origin order:
 *   <wall ms, 15 digits>-<counter, 6 digits>-<origin id>
 * Comparing two stamps as strings compares (ms, counter, origin), so
 * last-writer-wins is a string comparison and ties break the same way everywhere.
 */
export interface HlcParts {
  ms: number;
  counter: number;
  origin: string;
}

/**
 * The latest wall time (ms) a stamp may carry: 9999-12-31T23:59:59.999Z, the last instant an ISO date
 * with a four-digit year can name, far inside the 15 digits a stamp has. A stamp beyond it is refused
 * from any file, and the clock never issues one, so it never writes a stamp it cannot read back.
 */
export const MAX_STAMP_MS = 253_402_300_799_999;

/** A stamp's text; refuses what could not be read back (more than 15 digits of ms, 6 of counter). */
export function formatHlc({ ms, counter, origin }: HlcParts): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > 999_999_999_999_999 || !Number.isInteger(counter) || counter < 0 || counter > 999_999) {
    throw new Error(`cannot write an HLC stamp for ${ms}/${counter}`);
  }
  return `${String(ms).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${origin}`;
}

export function parseHlc(stamp: string): HlcParts {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`not an HLC stamp: ${stamp}`);
  return { ms: Number(match[1]), counter: Number(match[2]), origin: match[3]! };
}

const MAX_COUNTER = 999_999;

/** Issue stamps for one origin; `last` is persisted by the caller so stamps never go back. */
export class HybridLogicalClock {
  private ms: number;
  private counter: number;

  constructor(
    readonly origin: string,
    last: string | null,
    private readonly wallClock: () => number = Date.now,
  ) {
    const parsed = last ? parseHlc(last) : { ms: 0, counter: 0 };
    this.ms = parsed.ms;
    this.counter = parsed.counter;
  }

  /** A new stamp, later than every stamp issued or received before, never beyond MAX_STAMP_MS. */
  now(): string {
    const wall = Math.min(this.wallClock(), MAX_STAMP_MS);
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
      // The counter has six digits; past them, borrow the next millisecond so text order stays causal order.
      if (this.counter > MAX_COUNTER) {
        if (this.ms >= MAX_STAMP_MS) throw new Error('the clock has reached the latest time a stamp can carry');
        this.ms += 1;
        this.counter = 0;
      }
    }
    return formatHlc({ ms: this.ms, counter: this.counter, origin: this.origin });
  }

  /** Advance past a stamp received from another office. */
  receive(stamp: string): void {
    const remote = parseHlc(stamp);
    // Merges refuse such stamps first; the clock never adopts one it could not move on from.
    if (remote.ms > MAX_STAMP_MS) throw new Error(`an HLC stamp beyond the latest time: ${stamp}`);
    if (remote.ms > this.ms || (remote.ms === this.ms && remote.counter > this.counter)) {
      this.ms = remote.ms;
      this.counter = remote.counter;
    }
  }

  current(): string {
    return formatHlc({ ms: this.ms, counter: this.counter, origin: this.origin });
  }
}
