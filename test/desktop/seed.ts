/**
 * Fill a database for the desktop harness, in a process of its own (the test's worker must not
 * hold its event loop): the sample data, then `partnerships` more partnerships between generated
 * cities, in Chinese and English, in one transaction (1,000 take about a second).
 * Usage: node --require tsx/cjs test/desktop/seed.ts FILE PARTNERSHIPS
 */
import { openCore } from '../../db/core';
import { createOrganization } from '../../db/organizations';
import { createPartnership } from '../../db/partnerships';
import { loadSampleData } from '../../db/sample';
import { PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../db/schema';

const CITIES: [string, string, string][] = [
  ['汕头', 'Shantou', 'CN'],
  ['深圳', 'Shenzhen', 'CN'],
  ['长春', 'Changchun', 'CN'],
  ['辽源', 'Liaoyuan', 'CN'],
  ['布尔加斯', 'Burgas', 'BG'],
  ['塞维利亚', 'Seville', 'ES'],
  ['奥胡斯', 'Aarhus', 'DK'],
  ['鹿特丹', 'Rotterdam', 'NL'],
  ['里昂', 'Lyon', 'FR'],
  ['汉堡', 'Hamburg', 'DE'],
];

async function seed(file: string, partnerships: number): Promise<void> {
  const core = await openCore(file, { appVersion: '0.0.0-harness' });
  try {
    core.sqlite.transaction(() => {
      loadSampleData(core);
      const ids = CITIES.map(([zh, en, country]) => createOrganization(core, { displayName: `${zh} ${en}`, nameZh: zh, nameEn: en, country, kind: 'city' }).id);
      for (let i = 0; i < partnerships; i++) {
        const a = i % ids.length;
        const b = (a + 1 + (Math.floor(i / ids.length) % (ids.length - 1))) % ids.length;
        createPartnership(core, {
          title: `${CITIES[a]![0]}–${CITIES[b]![0]} 合作 ${i + 1} · ${CITIES[a]![1]}–${CITIES[b]![1]} cooperation ${i + 1}`,
          kind: PARTNERSHIP_KINDS[i % PARTNERSHIP_KINDS.length]!,
          status: PARTNERSHIP_STATUSES[i % PARTNERSHIP_STATUSES.length]!,
          statusSince: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
          summary: `第 ${i + 1} 项合作：智慧城市、绿色建筑与港口交流。Exchange on smart city, green building and ports.`,
          parties: [{ organizationId: ids[a]! }, { organizationId: ids[b]! }],
        });
      }
    })();
  } finally {
    core.close();
  }
}

const [file, count] = process.argv.slice(2);
seed(file!, Number(count ?? 0)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
