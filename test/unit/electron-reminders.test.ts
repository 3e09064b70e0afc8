import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import {
  dueReminderNotification,
  lastNotifiedDay,
  parseReminderState,
  rememberNotifiedDay,
  reminderNotification,
  serializeReminderState,
  shouldNotify,
} from '../../electron/reminders';
import { localDay } from '../../common/calendar';

/** A local time on 24 November 2026 (the test runs in this machine's time zone, as the app does). */
const at = (hours: number, minutes = 0, date = 24) => new Date(2026, 10, date, hours, minutes);
const ON = { dailyReminder: true, reminderHour: 9 };
const some = { totals: { tasksDue: 2, renewals: 1, quiet: 3 }, count: 6 };

describe('when the daily reminder is due', () => {
  it('is the local calendar day', () => {
    expect(localDay(at(0, 5))).toBe('2026-11-24');
    expect(localDay(at(23, 59))).toBe('2026-11-24');
    expect(localDay(new Date(2026, 0, 3, 12))).toBe('2026-01-03');
  });

  it('from the chosen hour on, once a day, only when switched on', () => {
    expect(shouldNotify(at(8, 59), null, ON)).toBe(false);
    expect(shouldNotify(at(9, 0), null, ON)).toBe(true);
    expect(shouldNotify(at(17), '2026-11-23', ON)).toBe(true);
    expect(shouldNotify(at(17), '2026-11-24', ON)).toBe(false);
    expect(shouldNotify(at(9, 0, 25), '2026-11-24', ON)).toBe(true);
    expect(shouldNotify(at(17), null, { ...ON, dailyReminder: false })).toBe(false);
    expect(shouldNotify(at(0), null, { ...ON, reminderHour: 0 })).toBe(true);
    expect(shouldNotify(at(22), null, { ...ON, reminderHour: 23 })).toBe(false);
  });

  it('asks for the reminders only when due, with the local day, and says nothing when there are none', () => {
    const asked: string[] = [];
    const sources = (count: number) => ({
      settings: () => ON,
      reminders: (today: string) => {
        asked.push(today);
        return count ? some : { totals: { tasksDue: 0, renewals: 0, quiet: 0 }, count: 0 };
      },
    });
    expect(dueReminderNotification(at(8), null, 'en', sources(6))).toBeNull();
    expect(asked).toEqual([]);
    expect(dueReminderNotification(at(10), null, 'en', sources(6))?.title).toBe('Partnership Tracker: 6 reminders');
    expect(asked).toEqual(['2026-11-24']);
    expect(dueReminderNotification(at(10), null, 'en', sources(0))).toBeNull();
    expect(dueReminderNotification(at(10), null, 'en', { settings: () => null, reminders: () => some })).toBeNull();
    expect(dueReminderNotification(at(10), null, 'en', { settings: () => ON, reminders: () => null })).toBeNull();
  });
});

describe('what the notification says', () => {
  it('counts each group in English, singular and plural, leaving out empty groups', () => {
    expect(reminderNotification('en', some)).toEqual({
      title: 'Partnership Tracker: 6 reminders',
      body: '2 tasks due today or overdue; 1 agreement up for renewal or review within 90 days; 3 partnerships with no meeting for 180 days. Click to see them.',
    });
    expect(reminderNotification('en', { totals: { tasksDue: 1, renewals: 0, quiet: 0 }, count: 1 })).toEqual({
      title: 'Partnership Tracker: 1 reminder',
      body: '1 task due today or overdue. Click to see them.',
    });
  });

  it('in Chinese', () => {
    expect(reminderNotification('zh', some)).toEqual({
      title: '伙伴关系管理：6 项提醒',
      body: '2 项任务今天到期或已逾期；1 项协议将在 90 天内续签或复核；3 个合作关系已 180 天没有会见。点击查看。',
    });
  });

  it('nothing when there is nothing to remind of', () => {
    expect(reminderNotification('zh', { totals: { tasksDue: 0, renewals: 0, quiet: 0 }, count: 0 })).toBeNull();
  });
});

describe('the remembered day', () => {
  it('round-trips, and a missing or damaged file means never notified', () => {
    expect(parseReminderState(serializeReminderState('2026-11-24'))).toBe('2026-11-24');
    expect(parseReminderState(null)).toBeNull();
    expect(parseReminderState('')).toBeNull();
    expect(parseReminderState('{not json')).toBeNull();
    expect(parseReminderState('{"lastNotifiedDay": 42}')).toBeNull();
    expect(parseReminderState('{"lastNotifiedDay": "yesterday"}')).toBeNull();
    expect(parseReminderState('null')).toBeNull();
  });

  it('is kept in a file: missing means never, and a damaged file is not an error', () => {
    const file = path.join(tempDir(), 'reminders.json');
    expect(lastNotifiedDay(file)).toBeNull();
    rememberNotifiedDay(file, '2026-11-24');
    expect(lastNotifiedDay(file)).toBe('2026-11-24');
    writeFileSync(file, '\u0000garbage');
    expect(lastNotifiedDay(file)).toBeNull();
  });
});
