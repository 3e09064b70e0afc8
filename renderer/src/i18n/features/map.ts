/** Messages of the Map view, in both languages (the zh object must have exactly the en keys). */
const en = {
  title: 'Map',
  region: { label: 'Zoom to', world: 'World', europe: 'Europe', china: 'China' },
  mapLabel: 'Map of the partnerships: a line between the parties of each partnership',
  legend: 'Status',
  summary_one: '{{count}} partnership between {{places}} places',
  summary_other: '{{count}} partnerships between {{places}} places',
  hint: 'Click a line to open its partnership, or a place to list its partnerships.',
  linkLabel: '{{from}} – {{to}} ({{status}})',
  namesSeparator: ', ',
  moreNames_one: '{{names}} and {{count}} more place',
  moreNames_other: '{{names}} and {{count}} more places',
  titleLabel: '{{title}} ({{status}})',
  placeLabel_one: '{{name}}: {{count}} partnership',
  placeLabel_other: '{{name}}: {{count}} partnerships',
  placePartnerships: 'Partnerships of {{name}}',
  close: 'Close',
  unlocated: 'and {{count}} more whose other parties have no coordinates',
  empty: 'No partnership has two parties with coordinates yet. Enter the latitude and longitude of its organizations to see it here.',
  source: 'Borders: Natural Earth (bundled with the app; no network needed)',
  unplaced: {
    title_one: 'Not on the map, or drawn in part: {{count}} partnership. A party has no coordinates; open it and use “Find coordinates”.',
    title_other: 'Not on the map, or drawn in part: {{count}} partnerships. A party has no coordinates; open it and use “Find coordinates”.',
    more: 'and {{count}} more',
    partly: 'drawn in part',
    why: 'no coordinates for',
    separator: ', ',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const zh: Widen<typeof en> = {
  title: '地图',
  region: { label: '缩放至', world: '全球', europe: '欧洲', china: '中国' },
  mapLabel: '合作关系地图：每项合作关系的各方之间连线',
  legend: '状态',
  summary_one: '{{places}} 个地点之间的 {{count}} 项合作关系',
  summary_other: '{{places}} 个地点之间的 {{count}} 项合作关系',
  hint: '点击连线打开该合作关系，点击地点列出其合作关系。',
  linkLabel: '{{from}}—{{to}}（{{status}}）',
  namesSeparator: '、',
  moreNames_one: '{{names}}等另外 {{count}} 个地点',
  moreNames_other: '{{names}}等另外 {{count}} 个地点',
  titleLabel: '{{title}}（{{status}}）',
  placeLabel_one: '{{name}}：{{count}} 项合作关系',
  placeLabel_other: '{{name}}：{{count}} 项合作关系',
  placePartnerships: '{{name}}的合作关系',
  close: '关闭',
  unlocated: '另有 {{count}} 项：其他各方没有坐标',
  empty: '还没有双方都有坐标的合作关系。为相关机构填写纬度和经度后即可在此显示。',
  source: '边界：Natural Earth（随应用提供，无需联网）',
  unplaced: {
    title_one: '未在地图上完整显示：{{count}} 项合作关系。原因是有合作方没有坐标，打开该机构并使用“查找坐标”即可。',
    title_other: '未在地图上完整显示：{{count}} 项合作关系。原因是有合作方没有坐标，打开该机构并使用“查找坐标”即可。',
    more: '另有 {{count}} 项',
    partly: '部分显示',
    why: '缺少坐标：',
    separator: '、',
  },
};

export const mapMessages = { en, zh };
