/**
 * renderer/src/lib/typed-dates.ts: what the date and time fields accept when typed. Offices write dates as
 * 2024-05-01, 2024/5/1, 2024.5.1 or 2024年5月1日, and times on the 24-hour clock; the contract keeps
 * 'YYYY-MM-DD' and 'HH:mm' whichever was typed.
 */
import { describe, expect, it } from 'vitest';
import { parseTypedDate, parseTypedPartialDate, parseTypedTime } from '../../renderer/src/lib/typed-dates';

describe('typed dates', () => {
  it('reads a year, a month or a day as the contract writes each precision', () => {
    for (const typed of ['2024', '2024年', ' 2024 ']) expect(parseTypedPartialDate(typed), typed).toBe('2024');
    for (const typed of ['2024-05', '2024-5', '2024/5', '2024.05', '2024年5月', '2024 年 05 月', '２０２４年５月'])
      expect(parseTypedPartialDate(typed), typed).toBe('2024-05');
    for (const typed of ['2024-05-01', '2024/5/1', '2024年5月1日']) expect(parseTypedPartialDate(typed), typed).toBe('2024-05-01');
    for (const typed of ['', '24', '2024-13', '2024年0月', '2024-02-30', 'May 2024', '202405']) expect(parseTypedPartialDate(typed), typed).toBeNull();
  });

  it('reads the formats offices use into YYYY-MM-DD', () => {
    for (const typed of [
      '2024-05-01',
      '2024-5-1',
      '2024/5/1',
      '2024/05/01',
      '2024.5.1',
      '2024年5月1日',
      '2024年05月01日',
      '2024 年 5 月 1 日',
      '２０２４年５月１日',
      '2024／5／1',
      ' 20240501 ',
    ]) {
      expect(parseTypedDate(typed), typed).toBe('2024-05-01');
    }
  });

  it('refuses what is not a whole, real date', () => {
    for (const typed of [
      '',
      '2024',
      '2024-05',
      '2024年5月',
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '05/01/2024',
      '1/5/2024',
      '2024-5-1x',
      'May 1, 2024',
      '2024-05-01 10:00',
    ]) {
      expect(parseTypedDate(typed), typed).toBeNull();
    }
    expect(parseTypedDate('2024-02-29')).toBe('2024-02-29');
  });
});

describe('typed times', () => {
  it('reads 24-hour and 12-hour times into HH:mm', () => {
    for (const [typed, time] of [
      ['14:30', '14:30'],
      ['14：30', '14:30'],
      ['14.30', '14:30'],
      ['1430', '14:30'],
      ['930', '09:30'],
      ['9:05', '09:05'],
      ['9', '09:00'],
      ['0:00', '00:00'],
      ['23:59', '23:59'],
      ['14时30分', '14:30'],
      ['14点半', '14:30'],
      ['2:30 PM', '14:30'],
      ['2:30pm', '14:30'],
      ['12:15 am', '00:15'],
      ['12:15 pm', '12:15'],
      ['下午2:30', '14:30'],
      ['上午9点', '09:00'],
      ['１４：３０', '14:30'],
    ] as const) {
      expect(parseTypedTime(typed), typed).toBe(time);
    }
  });

  it('refuses what is not a time of day', () => {
    for (const typed of ['', '24:00', '14:60', '25', '13:00 pm', '0:30 am', '下午2:30 pm', '14:30:00', 'noon', '14-30', '12345']) {
      expect(parseTypedTime(typed), typed).toBeNull();
    }
  });
});
