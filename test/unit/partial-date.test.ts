import { expect, test } from 'vitest';
import { partialDateOf } from '../../renderer/src/lib/typed-dates';
test('a typed year, month or day is read as the partial date of the contract', () => {
  for (const [a, b] of [
    ['2024年5月', '2024-05'],
    ['2024', '2024'],
    ['2024年', '2024'],
    ['2024-5', '2024-05'],
    ['2024/5/3', '2024-05-03'],
    ['2024年5月3日', '2024-05-03'],
    ['２０２４年５月', '2024-05'],
    ['2024-13', '2024-13'],
    ['abc', 'abc'],
    ['2017-05-31', '2017-05-31'],
    ['', ''],
  ])
    expect(partialDateOf(a!)).toBe(b);
});
