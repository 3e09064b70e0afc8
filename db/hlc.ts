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

export function formatHlc({ ms, counter, origin }: HlcParts): string {
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

  /** A new stamp, later than every stamp issued or received before. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
      // The counter has six digits; past them, borrow the next millisecond so text order stays causal order.
      if (this.counter > MAX_COUNTER) {
        this.ms += 1;
        this.counter = 0;
      }
    }
    return formatHlc({ ms: this.ms, counter: this.counter, origin: this.origin });
  }

  /** Advance past a stamp received from another office. */
  receive(stamp: string): void {
    const remote = parseHlc(stamp);
    if (remote.ms > this.ms || (remote.ms === this.ms && remote.counter > this.counter)) {
      this.ms = remote.ms;
      this.counter = remote.counter;
    }
  }

  current(): string {
    return formatHlc({ ms: this.ms, counter: this.counter, origin: this.origin });
  }
}
