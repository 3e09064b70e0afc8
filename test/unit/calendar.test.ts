/**
 * common/calendar.ts: the one definition of calendar days that the core's rules, the shells and the renderer's
 * forms all use. Before it there were six copies, and the Reports view's (its period's dates) accepted 31 February.
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, isOverdue, isPartialDate, localDay } from '../../common/calendar';
import { calendarDate, partialDate } from '../../db/rules';

describe('calendar days, one definition for every side', () => {
  it('a full date must exist: 31 February and 31 June are refused, 29 February only in a leap year', () => {
    for (const value of ['2025-02-31', '2025-06-31', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '20250105', '']) {
      expect(isCalendarDate(value), value).toBe(false);
      expect(calendarDate.safeParse(value).success, value).toBe(false);
    }
    for (const value of ['2024-02-29', '2025-12-31', '2026-01-01']) {
      expect(isCalendarDate(value), value).toBe(true);
      expect(calendarDate.safeParse(value).success, value).toBe(true);
    }
  });

  it('a partial date is a year, a month or an existing day, in the forms and in the contract alike', () => {
    for (const [value, ok] of [
      ['2017', true],
      ['2017-05', true],
      ['2017-05-31', true],
      ['2017-06-31', false],
      ['2017-13', false],
      ['17', false],
    ] as const) {
      expect(isPartialDate(value), value).toBe(ok);
      expect(partialDate.safeParse(value).success, value).toBe(ok);
    }
  });

  it('today is the local calendar day, not the UTC one, at both ends of the day', () => {
    expect(localDay(new Date(2026, 11, 2, 0, 5))).toBe('2026-12-02');
    expect(localDay(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
    const now = new Date();
    expect(localDay()).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);
  });

  it('counts whole days across a month end and a leap day, and overdue means open and due before today', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-02', '2026-11-30')).toBe(-2);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-02' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2026-12-02')).toBe(false);
  });
});
