import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/core';
import { formatHlc, HybridLogicalClock, parseHlc, type HlcParts } from '../../db/hlc';
import { localClient, tempDir } from '../helpers';

const LOCAL = '0190aaaa-0000-7000-8000-000000000001';
const REMOTE = 'ffffffff-ffff-7fff-bfff-ffffffffffff';

/** A wall clock that returns the given readings in turn (the last one forever after). */
function wall(...readings: number[]): () => number {
  let i = 0;
  return () => readings[Math.min(i++, readings.length - 1)]!;
}

function expectStrictlyIncreasing(stamps: string[]): void {
  for (let i = 1; i < stamps.length; i++) {
    expect(stamps[i]! > stamps[i - 1]!, `${stamps[i - 1]} then ${stamps[i]}`).toBe(true);
  }
}

function compareParts(a: HlcParts, b: HlcParts): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0;
}

describe('HybridLogicalClock', () => {
  it('issues strictly increasing stamps while the wall clock stands still', () => {
    const clock = new HybridLogicalClock(LOCAL, null, () => 1_700_000_000_000);
    const stamps = Array.from({ length: 50 }, () => clock.now());
    expectStrictlyIncreasing(stamps);
    expect(new Set(stamps).size).toBe(50);
    expect(parseHlc(stamps[0]!)).toEqual({ ms: 1_700_000_000_000, counter: 0, origin: LOCAL });
    expect(parseHlc(stamps[49]!)).toEqual({ ms: 1_700_000_000_000, counter: 49, origin: LOCAL });
  });

  it('issues strictly increasing stamps when the wall clock goes backwards, and follows it again once it has caught up', () => {
    const t = 1_700_000_000_000;
    const clock = new HybridLogicalClock(LOCAL, null, wall(t, t + 10, t - 3_600_000, t - 1, t + 10, t + 11, t + 5_000));
    const stamps = Array.from({ length: 7 }, () => clock.now());
    expectStrictlyIncreasing(stamps);
    const parts = stamps.map(parseHlc);
    // while the wall clock is behind, the clock keeps its time and counts
    expect(parts.slice(1, 5).map((p) => [p.ms, p.counter])).toEqual([
      [t + 10, 0],
      [t + 10, 1],
      [t + 10, 2],
      [t + 10, 3],
    ]);
    // once the wall clock is ahead again, stamps carry its time and the counter restarts
    expect(parts[5]).toMatchObject({ ms: t + 11, counter: 0 });
    expect(parts[6]).toMatchObject({ ms: t + 5_000, counter: 0 });
  });

  it('after receiving a stamp from the future, the next local stamp is later than it', () => {
    const t = 1_700_000_000_000;
    const clock = new HybridLogicalClock(LOCAL, null, () => t);
    const before = clock.now();
    // another office whose clock runs a day fast, with an origin that sorts after ours
    const remote = formatHlc({ ms: t + 86_400_000, counter: 7, origin: REMOTE });
    clock.receive(remote);
    const next = clock.now();
    expect(next > remote).toBe(true);
    expect(next > before).toBe(true);
    expect(parseHlc(next)).toEqual({ ms: t + 86_400_000, counter: 8, origin: LOCAL });
    expect(clock.now() > next).toBe(true);
  });

  it('after receiving a stamp with the same time and a higher counter, the next local stamp is later than it', () => {
    const t = 1_700_000_000_000;
    const clock = new HybridLogicalClock(LOCAL, null, () => t);
    clock.now();
    const remote = formatHlc({ ms: t, counter: 40, origin: REMOTE });
    clock.receive(remote);
    expect(clock.now() > remote).toBe(true);
  });

  it('receiving an older stamp does not move the clock back', () => {
    const t = 1_700_000_000_000;
    const clock = new HybridLogicalClock(LOCAL, null, () => t);
    const last = clock.now();
    clock.receive(formatHlc({ ms: t - 1000, counter: 999, origin: REMOTE }));
    expect(clock.current()).toBe(last);
    expect(clock.now() > last).toBe(true);
  });

  it('current() reports the last stamp without issuing a new one', () => {
    const clock = new HybridLogicalClock(LOCAL, null, () => 5);
    const issued = clock.now();
    expect(clock.current()).toBe(issued);
    expect(clock.current()).toBe(issued);
    expect(parseHlc(clock.now()).counter).toBe(1);
  });

  it('continues after a persisted stamp even when the wall clock is earlier', () => {
    const t = 1_700_000_000_000;
    const persisted = formatHlc({ ms: t, counter: 12, origin: LOCAL });
    const clock = new HybridLogicalClock(LOCAL, persisted, () => t - 86_400_000);
    expect(clock.current()).toBe(persisted);
    const next = clock.now();
    expect(next > persisted).toBe(true);
    expect(parseHlc(next)).toEqual({ ms: t, counter: 13, origin: LOCAL });
  });
});

describe('HLC stamps as text', () => {
  it('sort as strings exactly as (ms, counter, origin) sort', () => {
    const origins = [LOCAL, REMOTE, 'sample', '0190aaaa-0000-7000-8000-000000000002', 'a', 'b-c'];
    const parts: HlcParts[] = [];
    // edges where naive number-to-text ordering goes wrong: 9 vs 10, 99 vs 100, ...
    for (const ms of [0, 9, 10, 99, 100, 1_700_000_000_000, 1_700_000_000_001, 10_000_000_000_000]) {
      for (const counter of [0, 1, 9, 10, 99, 100, 999_999]) {
        for (const origin of origins) parts.push({ ms, counter, origin });
      }
    }
    // and a pseudo-random spread
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      parts.push({
        ms: Math.floor(random() * 2_000_000_000_000),
        counter: Math.floor(random() * 1_000),
        origin: origins[Math.floor(random() * origins.length)]!,
      });
    }
    const byParts = [...parts].sort(compareParts).map(formatHlc);
    const byText = parts.map(formatHlc).sort();
    expect(byText).toEqual(byParts);
  });

  it('format and parse round-trip, origins with dashes included', () => {
    for (const p of [
      { ms: 0, counter: 0, origin: 'x' },
      { ms: 1_704_067_200_000, counter: 0, origin: 'sample' },
      { ms: 1_772_359_200_000, counter: 123_456, origin: LOCAL },
      { ms: 999_999_999_999_999, counter: 999_999, origin: REMOTE },
    ]) {
      const text = formatHlc(p);
      expect(text).toMatch(/^\d{15}-\d{6}-.+$/);
      expect(parseHlc(text)).toEqual(p);
      expect(formatHlc(parseHlc(text))).toBe(text);
    }
    expect(formatHlc({ ms: 1_772_359_200_000, counter: 3, origin: LOCAL })).toBe(`001772359200000-000003-${LOCAL}`);
  });

  it('refuses text that is not a stamp', () => {
    for (const bad of ['', 'abc', '1772359200000-000003-x', '001772359200000-3-x', '001772359200000-000003-', '001772359200000-000003']) {
      expect(() => parseHlc(bad), bad).toThrow(/not an HLC stamp/);
    }
  });
});

describe('the clock of a database file', () => {
  it('continues after the last stamp it persisted when reopened with a wall clock set earlier', async () => {
    const file = path.join(tempDir(), 'office.db');
    const monday = new Date('2026-03-02T09:00:00Z');
    const earlier = new Date('2026-02-20T09:00:00Z'); // the PC's clock was reset backwards

    let core: Core = await openCore(file, { now: () => monday });
    let stampsFirst: string[];
    let origin: string;
    let shantouId: string;
    try {
      const api = localClient(core);
      const shantou = await api['organizations.create']({ displayName: 'Shantou', country: 'CN' });
      await api['organizations.update']({ id: shantou.id, latitude: 23.35 });
      shantouId = shantou.id;
      origin = core.clock.origin;
      stampsFirst = (core.sqlite.prepare('SELECT hlc FROM change_log ORDER BY hlc').all() as { hlc: string }[]).map((r) => r.hlc);
      expect(stampsFirst.length).toBeGreaterThan(0);
      expect(core.getMeta('hlc_last')).toBe(stampsFirst.at(-1));
    } finally {
      core.close();
    }
    const lastPersisted = stampsFirst.at(-1)!;
    expect(parseHlc(lastPersisted).ms).toBe(monday.getTime());

    core = await openCore(file, { now: () => earlier });
    try {
      expect(core.clock.origin).toBe(origin);
      expect(core.clock.current()).toBe(lastPersisted);
      const api = localClient(core);
      const burgas = await api['organizations.create']({ displayName: 'Burgas', country: 'BG' });
      const burgasStamp = (core.sqlite.prepare('SELECT hlc FROM organizations WHERE id = ?').get(burgas.id) as { hlc: string }).hlc;
      expect(burgasStamp > lastPersisted).toBe(true);

      // an edit made after reopening wins over the edit made before, though the wall clock says it is older
      const corrected = await api['organizations.update']({ id: shantouId, latitude: 23.37 });
      expect(corrected.latitude).toBe(23.37);
      const fieldStamps = JSON.parse(
        (core.sqlite.prepare('SELECT field_stamps FROM organizations WHERE id = ?').get(shantouId) as { field_stamps: string }).field_stamps,
      ) as Record<string, string>;
      expect(fieldStamps.latitude! > lastPersisted).toBe(true);
      expect(fieldStamps.latitude! > burgasStamp).toBe(true);
      expect(core.getMeta('hlc_last')).toBe(fieldStamps.latitude);
      const all = (core.sqlite.prepare('SELECT hlc FROM change_log ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);
      // stamps never went back across the reopen: in write order they never decrease
      for (let i = 1; i < all.length; i++) expect(all[i]! >= all[i - 1]!).toBe(true);
    } finally {
      core.close();
    }
  });

  it('a session that only reads does not move the persisted clock', async () => {
    const file = path.join(tempDir(), 'office.db');
    const first = await openCore(file, { now: () => new Date('2026-03-02T09:00:00Z') });
    let persisted: string | null;
    try {
      await localClient(first)['organizations.create']({ displayName: 'Shantou' });
      persisted = first.getMeta('hlc_last');
    } finally {
      first.close();
    }
    const second = await openCore(file, { now: () => new Date('2026-03-09T09:00:00Z') });
    try {
      await localClient(second)['organizations.list']();
      await localClient(second)['app.info']();
      expect(second.getMeta('hlc_last')).toBe(persisted);
    } finally {
      second.close();
    }
  });
});

describe('HLC counter overflow', () => {
  it('keeps text order equal to issue order past a million stamps in one millisecond', () => {
    const clock = new HybridLogicalClock('office-a', formatHlc({ ms: 1_700_000_000_000, counter: 999_998, origin: 'office-a' }), () => 1_700_000_000_000);
    const a = clock.now();
    const b = clock.now();
    const c = clock.now();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(b)).toMatchObject({ ms: 1_700_000_000_001, counter: 0 });
  });
});
