/**
 * A status report as one printable HTML document: A4, running header (office, classification)
 * and footer (generation date, page X of Y) in CSS page-margin boxes, the CJK font embedded.
 * The same document is printed by Electron, the browser mode and `cli report`.
 */
import { embeddedFontCss } from './fonts';
import type { PartnershipReportData, PortfolioReportData, ReportLanguage } from './data';

const L = {
  zh: {
    partnershipReport: '合作关系状态报告',
    portfolioReport: '合作关系总体情况报告',
    generated: '生成日期',
    page: (p: string, n: string) => `"第 " ${p} " 页，共 " ${n} " 页"`,
    parties: '合作各方',
    programme: '所属项目',
    status: '状态',
    since: '起始',
    kind: '类型',
    owner: '负责人',
    term: '协议期限',
    review: '续签/评估日期',
    rationale: '合作缘由',
    summary: '概况',
    timeline: '里程碑时间线',
    noMilestones: '暂无里程碑。',
    statusHistory: '状态记录',
    meetings: '会见与成果',
    noMeetings: '所选期间内没有会见记录。',
    outcomes: '成果',
    openTasks: '未完成任务',
    noTasks: '没有未完成的任务。',
    overdue: '已逾期',
    due: '截止',
    assignee: '负责人',
    nextSteps: '下一步',
    noNextSteps: '暂无计划中的里程碑或续签日期。',
    period: '报告期间',
    all: '全部',
    filters: '筛选条件',
    country: '国家',
    byStatus: '按状态',
    byCountry: '按国家/地区',
    partnerships: '合作关系',
    lastContact: '最近联系',
    nextMilestone: '下一个里程碑',
    overdueTasks: '逾期任务',
    next90: '未来 90 天',
    none: '无',
    total: '合计',
    reviewDue: '评估/续签',
    termEnds: '协议到期',
    milestone: '里程碑',
    partnership: '合作关系',
    date: '日期',
    item: '事项',
  },
  en: {
    partnershipReport: 'Partnership status report',
    portfolioReport: 'Partnership portfolio report',
    generated: 'Generated',
    page: (p: string, n: string) => `"Page " ${p} " of " ${n}`,
    parties: 'Parties',
    programme: 'Programme',
    status: 'Status',
    since: 'since',
    kind: 'Kind',
    owner: 'Owner',
    term: 'Agreement term',
    review: 'Renewal / review',
    rationale: 'Why this partner',
    summary: 'Summary',
    timeline: 'Timeline of milestones',
    noMilestones: 'No milestones yet.',
    statusHistory: 'Status history',
    meetings: 'Meetings and outcomes',
    noMeetings: 'No meetings in the chosen period.',
    outcomes: 'Outcomes',
    openTasks: 'Open tasks',
    noTasks: 'No open tasks.',
    overdue: 'Overdue',
    due: 'Due',
    assignee: 'Assignee',
    nextSteps: 'Next steps',
    noNextSteps: 'No planned milestones or renewal dates.',
    period: 'Period',
    all: 'all',
    filters: 'Filters',
    country: 'Country',
    byStatus: 'By status',
    byCountry: 'By country',
    partnerships: 'Partnerships',
    lastContact: 'Last contact',
    nextMilestone: 'Next milestone',
    overdueTasks: 'Overdue tasks',
    next90: 'The next 90 days',
    none: 'None',
    total: 'Total',
    reviewDue: 'Review / renewal',
    termEnds: 'Agreement ends',
    milestone: 'Milestone',
    partnership: 'Partnership',
    date: 'Date',
    item: 'Item',
  },
};

const STATUS = {
  zh: { prospect: '意向', negotiating: '洽谈中', active: '执行中', dormant: '休眠', concluded: '已结束' },
  en: { prospect: 'Prospect', negotiating: 'Negotiating', active: 'Active', dormant: 'Dormant', concluded: 'Concluded' },
};
const KIND = {
  zh: { sister_city: '友好城市', friendship_city: '友好交流城市', cooperation_mou: '合作备忘录', strategic_agreement: '战略合作协议', project_cooperation: '项目合作', pilot_programme: '试点项目' },
  en: { sister_city: 'Sister city', friendship_city: 'Friendship city', cooperation_mou: 'Cooperation MoU', strategic_agreement: 'Strategic agreement', project_cooperation: 'Project cooperation', pilot_programme: 'Pilot programme' },
};
const STATUS_COLOR = { prospect: '#868e96', negotiating: '#f59f00', active: '#2f9e44', dormant: '#e8590c', concluded: '#1c7ed6' };

export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal (for page-margin `content`). */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** 2016, 2015-06 or 2017-05-31 shown with exactly that precision, in the report's language. */
export function formatReportDate(value: string | null, lang: ReportLanguage): string {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return lang === 'zh' ? `${y}年` : String(y);
  if (d === undefined) return lang === 'zh' ? `${y}年${m}月` : new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m - 1, 1)));
  return lang === 'zh' ? `${y}年${m}月${d}日` : new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m - 1, d)));
}

function title(lang: ReportLanguage, t: { title: string; titleZh: string | null; titleEn: string | null }): string {
  return (lang === 'zh' ? t.titleZh : t.titleEn) ?? t.title;
}

interface Page {
  lang: ReportLanguage;
  heading: string;
  officeName: string | null;
  classification: string | null;
  generatedAt: string;
  body: string;
}

function documentHtml(page: Page): string {
  const t = L[page.lang];
  const generated = `${t.generated} ${formatReportDate(page.generatedAt.slice(0, 10), page.lang)}`;
  const fonts = embeddedFontCss(`${page.heading}${page.officeName ?? ''}${page.classification ?? ''}${generated}${page.body.replace(/<[^>]+>/g, '')}`);
  return `<!doctype html>
<html lang="${page.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.heading)}</title>
<style>
${fonts}
@page {
  size: A4;
  margin: 20mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(page.officeName ?? '')}; font: 8.5pt 'Report Sans', sans-serif; color: #555; }
  @top-right { content: ${cssString(page.classification ?? '')}; font: bold 8.5pt 'Report Sans', sans-serif; color: #c92a2a; }
  @bottom-left { content: ${cssString(generated)}; font: 8.5pt 'Report Sans', sans-serif; color: #555; }
  @bottom-right { content: ${t.page('counter(page)', 'counter(pages)')}; font: 8.5pt 'Report Sans', sans-serif; color: #555; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Report Sans', sans-serif; font-size: 10pt; line-height: 1.5; color: #1a1a1a; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 12pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #adb5bd; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; orphans: 3; widows: 3; }
.subtitle { color: #495057; margin-bottom: 4mm; }
.classification { color: #c92a2a; font-weight: 700; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1.4mm 2mm; border-bottom: 0.4pt solid #dee2e6; }
th { font-weight: 700; background: #f1f3f5; }
thead { display: table-header-group; }
tr, .keep { break-inside: avoid; page-break-inside: avoid; }
.facts th { width: 32mm; background: none; color: #495057; font-weight: 400; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 2mm; color: #fff; font-size: 8.5pt; font-weight: 700; }
.overdue { color: #c92a2a; font-weight: 700; }
.muted { color: #6c757d; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
section { break-inside: auto; }
.heading-block { break-inside: avoid; }
svg text { font-family: 'Report Sans', sans-serif; }
</style>
</head>
<body>
${page.body}
</body>
</html>`;
}

function statusBadge(lang: ReportLanguage, status: keyof typeof STATUS.en): string {
  return `<span class="badge" style="background:${STATUS_COLOR[status]}">${escapeHtml(STATUS[lang][status])}</span>`;
}

/** Milestones on a drawn time axis: a dot per milestone, labels staggered on three rows so they do not collide. */
export function timelineSvg(lang: ReportLanguage, milestones: { date: string; title: string; status: string }[], today: string): string {
  if (milestones.length === 0) return `<p class="muted">${L[lang].noMilestones}</p>`;
  const toTime = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y!, (m ?? 7) - 1, day ?? (m ? 15 : 1));
  };
  const times = milestones.map((m) => toTime(m.date));
  const todayTime = toTime(today);
  let min = Math.min(...times);
  let max = Math.max(...times, Math.min(todayTime, Math.max(...times) + 3 * 365 * 86400e3));
  if (max - min < 365 * 86400e3) {
    min -= 180 * 86400e3;
    max += 180 * 86400e3;
  }
  const width = 680;
  const left = 20;
  const right = width - 20;
  const axisY = 70;
  const x = (t: number) => left + ((t - min) / (max - min)) * (right - left);
  const firstYear = new Date(min).getUTCFullYear();
  const lastYear = new Date(max).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  const ticks: string[] = [];
  for (let year = firstYear; year <= lastYear + 1; year += step) {
    const tx = x(Date.UTC(year, 0, 1));
    if (tx < left - 1 || tx > right + 1) continue;
    ticks.push(`<line x1="${tx}" y1="${axisY - 3}" x2="${tx}" y2="${axisY + 3}" stroke="#868e96"/><text x="${tx}" y="${axisY + 14}" font-size="9" text-anchor="middle" fill="#495057">${year}</text>`);
  }
  const order = milestones.map((m, i) => ({ m, t: times[i]! })).sort((a, b) => a.t - b.t);
  const rows = [axisY - 52, axisY - 34, axisY - 16];
  const marks = order.map(({ m, t }, i) => {
    const mx = x(t);
    const ly = rows[i % rows.length]!;
    const label = `${formatReportDate(m.date, lang)} ${m.title.length > 16 ? `${m.title.slice(0, 15)}…` : m.title}`;
    const anchor = mx > width * 0.7 ? 'end' : 'start';
    const color = m.status === 'done' ? '#2f9e44' : m.status === 'cancelled' ? '#adb5bd' : '#1c7ed6';
    return `<line x1="${mx}" y1="${ly + 3}" x2="${mx}" y2="${axisY}" stroke="#ced4da" stroke-width="0.8"/><circle cx="${mx}" cy="${axisY}" r="4" fill="${color}"/><text x="${mx + (anchor === 'start' ? 3 : -3)}" y="${ly}" font-size="8.5" text-anchor="${anchor}" fill="#212529">${escapeHtml(label)}</text>`;
  });
  const todayMark =
    todayTime >= min && todayTime <= max
      ? `<line x1="${x(todayTime)}" y1="${axisY - 8}" x2="${x(todayTime)}" y2="${axisY + 8}" stroke="#c92a2a" stroke-width="1.2"/>`
      : '';
  return `<svg class="keep" role="img" aria-label="${escapeHtml(L[lang].timeline)}" width="100%" viewBox="0 0 ${width} ${axisY + 22}" xmlns="http://www.w3.org/2000/svg">
<line x1="${left}" y1="${axisY}" x2="${right}" y2="${axisY}" stroke="#495057" stroke-width="1.2"/>${ticks.join('')}${todayMark}${marks.join('')}</svg>`;
}

export function renderPartnershipReport(data: PartnershipReportData): string {
  const { lang, partnership: p } = data;
  const t = L[lang];
  const parties = p.parties
    .map((party) => `<tr><td class="nowrap">${escapeHtml(party.nameZh ?? party.displayName)}</td><td class="nowrap">${escapeHtml(party.nameEn ?? '')}</td><td>${escapeHtml(party.country ?? '')}</td><td>${escapeHtml(party.role ?? '')}</td></tr>`)
    .join('');
  const programme = (lang === 'zh' ? p.programmeNameZh : p.programmeNameEn) ?? p.programmeNameZh ?? p.programmeNameEn;
  const facts = [
    [t.status, `${statusBadge(lang, p.status)} <span class="muted">${t.since} ${formatReportDate(p.statusSince, lang)}</span>`],
    [t.kind, escapeHtml(KIND[lang][p.kind])],
    ...(programme ? [[t.programme, escapeHtml(programme)]] : []),
    ...(p.owner ? [[t.owner, escapeHtml(p.owner)]] : []),
    ...(p.termStart || p.termEnd ? [[t.term, `${formatReportDate(p.termStart, lang)} – ${formatReportDate(p.termEnd, lang)}`]] : []),
    ...(p.reviewOn ? [[t.review, formatReportDate(p.reviewOn, lang)]] : []),
    ...(data.from || data.to ? [[t.period, `${formatReportDate(data.from, lang) || '…'} – ${formatReportDate(data.to, lang) || '…'}`]] : []),
  ]
    .map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`)
    .join('');
  const history = p.statusHistory.map((h) => `<tr><td class="nowrap">${formatReportDate(h.startedOn, lang)}</td><td>${escapeHtml(STATUS[lang][h.status])}</td><td>${escapeHtml(h.note)}</td></tr>`).join('');
  const meetings = data.meetings.length
    ? `<table><thead><tr><th style="width:24mm">${t.date}</th><th>${t.item}</th><th>${t.outcomes}</th></tr></thead><tbody>${data.meetings
        .map((m) => `<tr><td class="nowrap">${formatReportDate(m.date, lang)}</td><td>${escapeHtml(m.title)}${m.location ? `<br><span class="muted">${escapeHtml(m.location)}</span>` : ''}</td><td>${escapeHtml(m.outcomes)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="muted">${t.noMeetings}</p>`;
  const tasks = data.openTasks.length
    ? `<table><thead><tr><th>${t.item}</th><th style="width:26mm">${t.due}</th><th style="width:30mm">${t.assignee}</th></tr></thead><tbody>${data.openTasks
        .map((task) => `<tr><td>${escapeHtml(task.title)}${task.overdue ? ` <span class="overdue">${lang === 'zh' ? `（${t.overdue}）` : `(${t.overdue})`}</span>` : ''}</td><td class="nowrap ${task.overdue ? 'overdue' : ''}">${formatReportDate(task.dueOn, lang)}</td><td>${escapeHtml(task.assignee)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="muted">${t.noTasks}</p>`;
  const nextItems = [
    ...data.upcomingMilestones.map((m) => `<li>${formatReportDate(m.date, lang)}: ${escapeHtml(m.title)}</li>`),
    ...(p.reviewOn && p.reviewOn >= data.today ? [`<li>${formatReportDate(p.reviewOn, lang)}: ${t.reviewDue}</li>`] : []),
    ...(p.termEnd && p.termEnd >= data.today ? [`<li>${formatReportDate(p.termEnd, lang)}: ${t.termEnds}</li>`] : []),
  ];
  const heading = title(lang, p);
  const body = `
<div class="heading-block"><h1>${escapeHtml(heading)}</h1>
<div class="subtitle">${t.partnershipReport}${p.titleZh && p.titleEn ? ` · ${escapeHtml(lang === 'zh' ? p.titleEn : p.titleZh)}` : ''}</div></div>
<table class="facts">${facts}</table>
<h2>${t.parties}</h2>
<table><tbody>${parties}</tbody></table>
${p.rationale ? `<h2>${t.rationale}</h2><p>${escapeHtml(p.rationale)}</p>` : ''}
${p.summary ? `<h2>${t.summary}</h2><p>${escapeHtml(p.summary)}</p>` : ''}
<h2>${t.timeline}</h2>
${timelineSvg(lang, p.milestones, data.today)}
${p.milestones.length ? `<table><tbody>${p.milestones.map((m) => `<tr><td class="nowrap" style="width:28mm">${formatReportDate(m.date, lang)}</td><td>${escapeHtml(m.title)}</td></tr>`).join('')}</tbody></table>` : ''}
<h2>${t.statusHistory}</h2>
<table><tbody>${history}</tbody></table>
<h2>${t.meetings}</h2>
${meetings}
<h2>${t.openTasks}</h2>
${tasks}
<h2>${t.nextSteps}</h2>
${nextItems.length ? `<ul>${nextItems.join('')}</ul>` : `<p class="muted">${t.noNextSteps}</p>`}
`;
  return documentHtml({ lang, heading, officeName: data.officeName, classification: data.classification, generatedAt: data.generatedAt, body });
}

function barChart(lang: ReportLanguage, byStatus: PortfolioReportData['byStatus']): string {
  const entries = Object.entries(byStatus) as [keyof typeof STATUS.en, number][];
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rowHeight = 20;
  const bars = entries
    .map(([status, n], i) => {
      const y = i * rowHeight + 4;
      const w = (n / max) * 420;
      return `<text x="0" y="${y + 12}" font-size="9.5" fill="#212529">${escapeHtml(STATUS[lang][status])}</text><rect x="90" y="${y}" width="${Math.max(w, n ? 2 : 0)}" height="14" fill="${STATUS_COLOR[status]}"/><text x="${96 + w}" y="${y + 11}" font-size="9.5" fill="#212529">${n}</text>`;
    })
    .join('');
  return `<svg class="keep" role="img" aria-label="${L[lang].byStatus}" width="100%" viewBox="0 0 560 ${entries.length * rowHeight + 8}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

export function renderPortfolioReport(data: PortfolioReportData): string {
  const { lang } = data;
  const t = L[lang];
  const total = data.partnerships.length;
  const filterText = [
    data.filters.status ? `${t.status}: ${STATUS[lang][data.filters.status]}` : null,
    data.filters.country ? `${t.country}: ${data.filters.country}` : null,
    data.filters.owner ? `${t.owner}: ${data.filters.owner}` : null,
    data.filters.programmeId ? `${t.programme}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const rows = data.partnerships
    .map(
      (p) =>
        `<tr><td>${escapeHtml(title(lang, p))}<br><span class="muted">${escapeHtml(p.parties.map((x) => (lang === 'zh' ? x.nameZh : x.nameEn) ?? x.displayName).join(' · '))}${p.partyCount > p.parties.length ? ` +${p.partyCount - p.parties.length}` : ''}</span></td><td class="nowrap">${statusBadge(lang, p.status)}</td><td class="nowrap">${formatReportDate(p.lastContact, lang) || t.none}</td><td>${p.nextMilestone ? `${formatReportDate(p.nextMilestone.date, lang)} ${escapeHtml(p.nextMilestone.title)}` : t.none}</td></tr>`,
    )
    .join('');
  const overdue = data.overdueTasks.length
    ? `<table><thead><tr><th>${t.item}</th><th>${t.partnership}</th><th style="width:24mm">${t.due}</th><th style="width:26mm">${t.assignee}</th></tr></thead><tbody>${data.overdueTasks
        .map((task) => `<tr><td>${escapeHtml(task.title)}</td><td>${escapeHtml((lang === 'zh' ? task.partnershipTitleZh : task.partnershipTitleEn) ?? task.partnershipTitle ?? '')}</td><td class="nowrap overdue">${formatReportDate(task.dueOn, lang)}</td><td>${escapeHtml(task.assignee)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="muted">${t.none}</p>`;
  const next = data.next90.length
    ? `<table><thead><tr><th style="width:26mm">${t.date}</th><th>${t.item}</th><th>${t.partnership}</th></tr></thead><tbody>${data.next90
        .map((n) => `<tr><td class="nowrap">${formatReportDate(n.date, lang)}</td><td>${n.what === 'milestone' ? escapeHtml(n.title) : n.what === 'review' ? t.reviewDue : t.termEnds}</td><td>${escapeHtml(n.partnership)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="muted">${t.none}</p>`;
  const heading = t.portfolioReport;
  const body = `
<div class="heading-block"><h1>${heading}</h1>
<div class="subtitle">${t.total} ${total}${filterText ? ` · ${t.filters}: ${escapeHtml(filterText)}` : ''}${data.from || data.to ? ` · ${t.period}: ${formatReportDate(data.from, lang) || '…'} – ${formatReportDate(data.to, lang) || '…'}` : ''}</div></div>
<h2>${t.byStatus}</h2>
${barChart(lang, data.byStatus)}
<h2>${t.byCountry}</h2>
<table><thead><tr><th>${t.country}</th><th class="num">${t.partnerships}</th></tr></thead><tbody>${data.byCountry.map((c) => `<tr><td>${escapeHtml(countryName(c.country, lang))}</td><td class="num">${c.count}</td></tr>`).join('')}</tbody></table>
<h2>${t.partnerships}</h2>
<table><thead><tr><th>${t.partnership}</th><th style="width:22mm">${t.status}</th><th style="width:26mm">${t.lastContact}</th><th style="width:48mm">${t.nextMilestone}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${t.overdueTasks}</h2>
${overdue}
<h2>${t.next90}</h2>
${next}
`;
  return documentHtml({ lang, heading, officeName: data.officeName, classification: data.classification, generatedAt: data.generatedAt, body });
}

function countryName(code: string, lang: ReportLanguage): string {
  try {
    return `${new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}
