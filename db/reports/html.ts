/**
 * A status report as one printable HTML document: A4, running header (office, classification)
 * and footer (generation date, page X of Y) in CSS page-margin boxes, the CJK font embedded.
 * The same document is printed by Electron, the browser mode and `cli report`, and shown (on
 * screen: one sheet of paper on grey) in the Reports view's preview.
 *
 * Page-break rules: no table row is split (rows avoid breaks inside, table heads repeat), a
 * heading stays with what follows it, short sections move to the next page whole.
 */
import { MILESTONE_STATUS_LABELS, PARTNERSHIP_KIND_LABELS, PARTNERSHIP_STATUS_LABELS } from '../../common/labels';
import { partialDate } from '../rules';
import { embeddedFontCss, FONT_PRIMER_CSS, fontPrimerHtml } from './fonts';
import type { PartnershipReportData, PortfolioReportData, ReportLanguage } from './data';
import { LABEL_SIZE, TICK_SIZE, timelineLayout } from './timeline';

const L = {
  zh: {
    partnershipReport: '合作关系状态报告',
    portfolioReport: '合作关系总体情况报告',
    generated: '生成日期',
    page: (p: string, n: string) => `"第 " ${p} " 页，共 " ${n} " 页"`,
    pageWords: '第页，共',
    parties: '合作各方',
    name: '中文名称',
    nameEn: '英文名称',
    role: '角色',
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
    noMeetingsAtAll: '尚无会见记录。',
    earlierMeetings: (n: number) => `另有 ${n} 次更早的会见未列出（可指定报告期间）。`,
    moreOpenTasks: (n: number) => `另有 ${n} 项未完成任务未列出（见应用中的任务视图）。`,
    moreMilestones: (earlier: number, later: number) =>
      `另有 ${[earlier ? `${earlier} 个较早` : '', later ? `${later} 个较晚` : ''].filter(Boolean).join('、')}的里程碑未列出（见应用中的合作关系详情）。`,
    moreUpcoming: (n: number, after: string) => `${after}之后另有 ${n} 个计划中的里程碑未列出。`,
    outcomes: '成果',
    meeting: '会见',
    openTasks: '未完成任务',
    noTasks: '没有未完成的任务。',
    overdue: '已逾期',
    due: '截止',
    assignee: '负责人',
    nextSteps: '下一步',
    noNextSteps: '暂无计划中的里程碑或续签日期。',
    period: '报告期间',
    filters: '筛选条件',
    country: '国家/地区',
    byStatus: '按状态',
    byCountry: '按国家/地区',
    partnerships: '合作关系',
    lastContact: '最近联系',
    nextMilestone: '下一个里程碑',
    overdueTasks: '逾期任务',
    next90: '未来 90 天',
    meetingsInPeriod: '期间内的会见',
    none: '无',
    total: '合计',
    totalLabel: '合作关系总数',
    activeLabel: '执行中',
    overdueLabel: '逾期任务',
    next90Label: '未来 90 天事项',
    reviewDue: '评估/续签',
    termEnds: '协议到期',
    partnership: '合作关系',
    date: '日期',
    item: '事项',
    milestoneStatus: MILESTONE_STATUS_LABELS.zh as Record<string, string>,
    count: '数量',
  },
  en: {
    partnershipReport: 'Partnership status report',
    portfolioReport: 'Partnership portfolio report',
    generated: 'Generated',
    page: (p: string, n: string) => `"Page " ${p} " of " ${n}`,
    pageWords: 'Page of',
    parties: 'Parties',
    name: 'Chinese name',
    nameEn: 'English name',
    role: 'Role',
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
    noMeetingsAtAll: 'No meetings logged yet.',
    earlierMeetings: (n: number) => `${n} earlier ${n === 1 ? 'meeting is' : 'meetings are'} not listed (choose a period to see them).`,
    moreOpenTasks: (n: number) => `${n} more open ${n === 1 ? 'task is' : 'tasks are'} not listed (see the app's Tasks view).`,
    moreMilestones: (earlier: number, later: number) =>
      `${[earlier ? `${earlier} earlier` : '', later ? `${later} later` : ''].filter(Boolean).join(' and ')} ${earlier + later === 1 ? 'milestone is' : 'milestones are'} not listed (see the partnership in the app).`,
    moreUpcoming: (n: number, after: string) =>
      `${n} more planned ${n === 1 ? 'milestone' : 'milestones'} after ${after} ${n === 1 ? 'is' : 'are'} not listed.`,
    outcomes: 'Outcomes',
    meeting: 'Meeting',
    openTasks: 'Open tasks',
    noTasks: 'No open tasks.',
    overdue: 'Overdue',
    due: 'Due',
    assignee: 'Assignee',
    nextSteps: 'Next steps',
    noNextSteps: 'No planned milestones or renewal dates.',
    period: 'Period',
    filters: 'Filters',
    country: 'Country',
    byStatus: 'By status',
    byCountry: 'By country',
    partnerships: 'Partnerships',
    lastContact: 'Last contact',
    nextMilestone: 'Next milestone',
    overdueTasks: 'Overdue tasks',
    next90: 'The next 90 days',
    meetingsInPeriod: 'Meetings in the period',
    none: 'None',
    total: 'Total',
    totalLabel: 'Partnerships',
    activeLabel: 'Active',
    overdueLabel: 'Overdue tasks',
    next90Label: 'Due in the next 90 days',
    reviewDue: 'Review / renewal',
    termEnds: 'Agreement ends',
    partnership: 'Partnership',
    date: 'Date',
    item: 'Item',
    milestoneStatus: MILESTONE_STATUS_LABELS.en as Record<string, string>,
    count: 'Count',
  },
};

const STATUS = PARTNERSHIP_STATUS_LABELS;
const KIND = PARTNERSHIP_KIND_LABELS;
const STATUS_COLOR = { prospect: '#868e96', negotiating: '#e67700', active: '#2f9e44', dormant: '#d9480f', concluded: '#1c7ed6' };

/** Sections with at most this many rows move to the next page whole rather than split. */
const SHORT_TABLE = 8;

export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A CSS string literal (for page-margin `content`) that is safe inside a `<style>` element: every
 * ASCII character other than letters, digits and space is written as a CSS escape, so no value
 * can end the string, the rule or the element (`</style>`), and line breaks become spaces.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\r\n\f\t]+/g, ' ').replace(/[^\p{L}\p{N}\p{M} ]/gu, (c) => {
    const code = c.codePointAt(0)!;
    // Letters and digits of any script are harmless; only ASCII markup, quotes and controls matter.
    return code >= 0x80 && code !== 0x2028 && code !== 0x2029 && !/\p{C}/u.test(c) ? c : `\\${code.toString(16).padStart(6, '0')}`;
  });
  return `"${escaped}"`;
}

/** The document's Content-Security-Policy: no script, no request; inline style, data: fonts and images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/** A date as formatReportDate shows it, escaped (a malformed stored date is shown as it is, as text). */
function reportDate(value: string | null, lang: ReportLanguage): string {
  return escapeHtml(formatReportDate(value, lang));
}

/** 2016, 2015-06 or 2017-05-31 shown with exactly that precision, in the report's language. */
export function formatReportDate(value: string | null, lang: ReportLanguage): string {
  if (!value) return '';
  // A malformed stored date (an older version, a hand-edited file) is shown as a marker, never a failure.
  if (!partialDate.safeParse(value).success) return '?';
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return lang === 'zh' ? `${y}年` : String(y);
  if (d === undefined)
    return lang === 'zh'
      ? `${y}年${m}月`
      : new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m - 1, 1)));
  return lang === 'zh'
    ? `${y}年${m}月${d}日`
    : new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m - 1, d)));
}

function title(lang: ReportLanguage, t: { title: string; titleZh: string | null; titleEn: string | null }): string {
  return (lang === 'zh' ? t.titleZh : t.titleEn) ?? t.title;
}

function partyName(lang: ReportLanguage, p: { displayName: string; nameZh: string | null; nameEn: string | null }): string {
  return (lang === 'zh' ? p.nameZh : p.nameEn) ?? p.displayName;
}

/** Plain text with its line breaks kept (notes and outcomes are typed in several paragraphs). */
function text(value: string | null | undefined): string {
  return `<span class="pre">${escapeHtml(value)}</span>`;
}

/** The line under a shortened list that says what was left out; nothing when nothing was. */
function more(left: number, says: () => string): string {
  return left ? `<p class="muted small">${says()}</p>` : '';
}

/** A section: a heading that stays with its content; short content moves to the next page whole. */
function section(heading: string, content: string, short: boolean): string {
  return `<section class="${short ? 'keep' : ''}"><h2>${heading}</h2>${content}</section>`;
}

interface Document {
  lang: ReportLanguage;
  heading: string;
  officeName: string | null;
  classification: string | null;
  generatedAt: string;
  body: string;
}

function documentHtml(doc: Document): string {
  const t = L[doc.lang];
  const generated = `${t.generated} ${formatReportDate(doc.generatedAt.slice(0, 10), doc.lang)}`;
  const office = doc.officeName ?? '';
  const classification = doc.classification ?? '';
  const allText = `${doc.heading}${office}${classification}${generated}${t.pageWords}0123456789${doc.body.replace(/<[^>]+>/g, '')}`;
  const margin = (size: string, weight = 400, color = '#555') =>
    `font-family: 'Report Sans', sans-serif; font-size: ${size}; font-weight: ${weight}; color: ${color};`;
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>${escapeHtml(doc.heading)}</title>
<style>
${embeddedFontCss(allText)}
@page {
  size: A4;
  margin: 20mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(office)}; ${margin('8.5pt')} vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(classification)}; ${margin('8.5pt', 700, '#c92a2a')} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: ${cssString(generated)}; ${margin('8pt')} vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: ${t.page('counter(page)', 'counter(pages)')}; ${margin('8pt')} vertical-align: top; padding-top: 3mm; }
}
${FONT_PRIMER_CSS}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Report Sans', sans-serif; font-size: 10pt; line-height: 1.5; color: #1a1a1a; margin: 0; overflow-wrap: anywhere; }
h1 { font-size: 17pt; margin: 0 0 1mm; line-height: 1.3; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #adb5bd; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; orphans: 3; widows: 3; }
ul { margin: 0; padding-left: 5mm; }
li { break-inside: avoid; }
.pre { white-space: pre-line; }
.subtitle { color: #495057; margin-bottom: 4mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 0.4pt solid #dee2e6; }
thead th { font-weight: 700; background: #f1f3f5; font-size: 9pt; }
thead { display: table-header-group; }
tr, .keep, svg { break-inside: avoid; page-break-inside: avoid; }
.facts th { width: 34mm; background: none; color: #495057; font-weight: 400; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 2mm; color: #fff; font-size: 8.5pt; font-weight: 700; line-height: 1.6; }
.overdue { color: #c92a2a; font-weight: 700; }
.muted { color: #6c757d; }
.small { font-size: 8.5pt; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.figures { display: flex; gap: 3mm; margin: 2mm 0 1mm; }
.figure { flex: 1; border: 0.6pt solid #ced4da; border-radius: 1.5mm; padding: 2mm 3mm; }
.figure .value { font-size: 18pt; font-weight: 700; line-height: 1.2; }
.figure .label { color: #495057; font-size: 8.5pt; }
.figure.alert .value { color: #c92a2a; }
.countries td { width: 33.3%; }
.countries .n { float: right; font-weight: 700; }
svg text { font-family: 'Report Sans', sans-serif; }
.screen-only { display: none; }
@media screen {
  html { background: #dee2e6; }
  body { width: 210mm; min-height: 297mm; margin: 5mm auto; padding: 20mm 16mm 18mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); position: relative; }
  .screen-only { display: flex; }
  .sheet-head, .sheet-foot { position: absolute; left: 16mm; right: 16mm; justify-content: space-between; color: #555; font-size: 8.5pt; }
  .sheet-head { top: 10mm; }
  .sheet-foot { bottom: 8mm; font-size: 8pt; }
  .sheet-head .classification { color: #c92a2a; font-weight: 700; }
}
</style>
</head>
<body>
<div class="screen-only sheet-head" aria-hidden="true"><span>${escapeHtml(office)}</span><span class="classification">${escapeHtml(classification)}</span></div>
${doc.body}
<div class="screen-only sheet-foot" aria-hidden="true"><span>${escapeHtml(generated)}</span></div>
${fontPrimerHtml(allText)}
</body>
</html>`;
}

function statusBadge(lang: ReportLanguage, status: keyof typeof STATUS.en): string {
  return `<span class="badge" style="background:${STATUS_COLOR[status] ?? '#868e96'}">${escapeHtml(STATUS[lang][status] ?? status)}</span>`;
}

const MILESTONE_COLORS: Record<string, string> = { done: '#2f9e44', cancelled: '#adb5bd' };

/**
 * Milestones on a time axis fitted to their range: a dot per milestone, each label on the row nearest
 * the axis where it overlaps none, shortened when the chart is crowded (the table below has the full titles).
 */
export function timelineSvg(lang: ReportLanguage, milestones: { date: string; title: string; status: string }[], today: string): string {
  if (milestones.length === 0) return `<p class="muted">${L[lang].noMilestones}</p>`;
  const layout = timelineLayout(
    milestones,
    today,
    (m) => `${formatReportDate(m.date, lang)} ${m.title}`,
    (year, month) => (month === null ? String(year) : formatReportDate(`${year}-${String(month).padStart(2, '0')}`, lang)),
  );
  const { axis } = layout;
  const f = (n: number) => n.toFixed(1);
  const ticks = layout.ticks.map(
    (tick) =>
      `<line x1="${f(tick.tickX)}" y1="${axis.y - 3}" x2="${f(tick.tickX)}" y2="${axis.y + 3}" stroke="#868e96"/><text x="${f(tick.x)}" y="${f(tick.baseline)}" font-size="${TICK_SIZE}" fill="#495057">${escapeHtml(tick.text)}</text>`,
  );
  // Leader lines under the dots, the labels on top with a white halo where a line passes behind them.
  const leaders = layout.labels.map(
    (l) => `<line x1="${f(l.dotX)}" y1="${f(l.y + l.height)}" x2="${f(l.dotX)}" y2="${axis.y}" stroke="#ced4da" stroke-width="0.8"/>`,
  );
  const dots = layout.dots.map(
    (d) => `<circle cx="${f(d.x)}" cy="${axis.y}" r="4" fill="${MILESTONE_COLORS[d.status] ?? '#1c7ed6'}" stroke="#fff" stroke-width="1"/>`,
  );
  const labels = layout.labels.map(
    (l) =>
      `<text class="milestone" x="${f(l.x)}" y="${f(l.baseline)}" font-size="${LABEL_SIZE}" fill="#212529" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(l.text)}</text>`,
  );
  const todayMark =
    layout.todayX === null
      ? ''
      : `<line x1="${f(layout.todayX)}" y1="${axis.y - 9}" x2="${f(layout.todayX)}" y2="${axis.y + 9}" stroke="#c92a2a" stroke-width="1.4"/>`;
  return `<svg role="img" aria-label="${escapeHtml(L[lang].timeline)}" width="100%" viewBox="0 0 ${layout.width} ${f(layout.height)}" xmlns="http://www.w3.org/2000/svg">
<line x1="${axis.left}" y1="${axis.y}" x2="${axis.right}" y2="${axis.y}" stroke="#495057" stroke-width="1.2"/>${ticks.join('')}${leaders.join('')}${dots.join('')}${todayMark}${labels.join('')}</svg>`;
}

export function renderPartnershipReport(data: PartnershipReportData): string {
  const { lang, partnership: p } = data;
  const t = L[lang];
  const heading = title(lang, p);
  const otherTitle = lang === 'zh' ? p.titleEn : p.titleZh;
  const programme = (lang === 'zh' ? p.programmeNameZh : p.programmeNameEn) ?? p.programmeNameZh ?? p.programmeNameEn;
  const facts = [
    [t.status, `${statusBadge(lang, p.status)}${p.statusSince ? ` <span class="muted">${t.since} ${reportDate(p.statusSince, lang)}</span>` : ''}`],
    [t.kind, escapeHtml(KIND[lang][p.kind])],
    ...(programme ? [[t.programme, escapeHtml(programme)]] : []),
    ...(p.owner ? [[t.owner, escapeHtml(p.owner)]] : []),
    ...(p.termStart || p.termEnd ? [[t.term, `${reportDate(p.termStart, lang) || '…'} – ${reportDate(p.termEnd, lang) || '…'}`]] : []),
    ...(p.reviewOn ? [[t.review, reportDate(p.reviewOn, lang)]] : []),
    ...(data.from || data.to ? [[t.period, `${reportDate(data.from, lang) || '…'} – ${reportDate(data.to, lang) || '…'}`]] : []),
  ]
    .map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`)
    .join('');

  const parties = `<table><thead><tr><th style="width:34mm">${t.name}</th><th style="width:40mm">${t.nameEn}</th><th style="width:20mm">${t.country}</th><th>${t.role}</th></tr></thead><tbody>${p.parties
    .map(
      (party) =>
        `<tr><td>${escapeHtml(party.nameZh ?? party.displayName)}</td><td>${escapeHtml(party.nameEn ?? '')}</td><td>${escapeHtml(party.country ?? '')}</td><td class="small">${escapeHtml(party.role ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const milestones = data.milestones.length
    ? `${timelineSvg(lang, data.milestones, data.today)}<table><thead><tr><th style="width:28mm">${t.date}</th><th>${t.item}</th><th style="width:20mm">${t.status}</th></tr></thead><tbody>${data.milestones
        .map(
          (m) =>
            `<tr><td class="nowrap">${reportDate(m.date, lang)}</td><td>${escapeHtml(m.title)}</td><td class="nowrap${m.status === 'done' ? '' : ' muted'}">${escapeHtml(t.milestoneStatus[m.status] ?? m.status)}</td></tr>`,
        )
        .join('')}</tbody></table>${more(data.earlierMilestones || data.laterMilestones, () => t.moreMilestones(data.earlierMilestones, data.laterMilestones))}`
    : `<p class="muted">${t.noMilestones}</p>`;

  const history = p.statusHistory.length
    ? `<table><tbody>${p.statusHistory.map((h) => `<tr><td class="nowrap" style="width:28mm">${reportDate(h.startedOn, lang)}</td><td class="nowrap" style="width:22mm">${escapeHtml(STATUS[lang][h.status])}</td><td>${escapeHtml(h.note)}</td></tr>`).join('')}</tbody></table>`
    : `<p class="muted">${t.none}</p>`;

  const meetings = data.meetings.length
    ? `<table><thead><tr><th style="width:26mm">${t.date}</th><th style="width:62mm">${t.meeting}</th><th>${t.outcomes}</th></tr></thead><tbody>${data.meetings
        .map(
          (m) =>
            `<tr><td class="nowrap">${reportDate(m.date, lang)}</td><td>${escapeHtml(m.title)}${m.location ? `<br><span class="muted small">${escapeHtml(m.location)}</span>` : ''}</td><td>${text(m.outcomes)}</td></tr>`,
        )
        .join('')}</tbody></table>${more(data.earlierMeetings, () => t.earlierMeetings(data.earlierMeetings))}`
    : `<p class="muted">${data.from || data.to ? t.noMeetings : t.noMeetingsAtAll}</p>`;

  const tasks = data.openTasks.length
    ? `<table><thead><tr><th>${t.item}</th><th style="width:28mm">${t.due}</th><th style="width:30mm">${t.assignee}</th></tr></thead><tbody>${data.openTasks
        .map(
          (task) =>
            `<tr><td>${escapeHtml(task.title)}${task.overdue ? ` <span class="overdue">${lang === 'zh' ? `（${t.overdue}）` : `(${t.overdue})`}</span>` : ''}</td><td class="nowrap ${task.overdue ? 'overdue' : ''}">${reportDate(task.dueOn, lang)}</td><td>${escapeHtml(task.assignee)}</td></tr>`,
        )
        .join('')}</tbody></table>${more(data.moreOpenTasks, () => t.moreOpenTasks(data.moreOpenTasks))}`
    : `<p class="muted">${t.noTasks}</p>`;

  const nextItems = [
    ...data.upcomingMilestones.map((m) => ({ date: m.date, text: escapeHtml(m.title) })),
    ...(p.reviewOn && p.reviewOn >= data.today ? [{ date: p.reviewOn, text: t.reviewDue }] : []),
    ...(p.termEnd && p.termEnd >= data.today ? [{ date: p.termEnd, text: t.termEnds }] : []),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const next = nextItems.length
    ? `<table><tbody>${nextItems.map((n) => `<tr><td class="nowrap" style="width:28mm">${reportDate(n.date, lang)}</td><td>${n.text}</td></tr>`).join('')}</tbody></table>${more(data.moreUpcomingMilestones, () => t.moreUpcoming(data.moreUpcomingMilestones, reportDate(data.upcomingMilestones.at(-1)!.date, lang)))}`
    : `<p class="muted">${t.noNextSteps}</p>`;

  const body = `
<header class="keep"><h1>${escapeHtml(heading)}</h1>
<div class="subtitle">${t.partnershipReport}${otherTitle && otherTitle !== heading ? ` · ${escapeHtml(otherTitle)}` : ''}</div>
<table class="facts">${facts}</table></header>
${section(t.parties, parties, p.parties.length <= SHORT_TABLE)}
${p.rationale ? section(t.rationale, `<p>${text(p.rationale)}</p>`, p.rationale.length < 600) : ''}
${p.summary ? section(t.summary, `<p>${text(p.summary)}</p>`, p.summary.length < 600) : ''}
${section(t.timeline, milestones, data.milestones.length <= SHORT_TABLE)}
${section(t.statusHistory, history, p.statusHistory.length <= SHORT_TABLE)}
${section(t.meetings, meetings, data.meetings.length <= 3)}
${section(t.openTasks, tasks, data.openTasks.length <= SHORT_TABLE)}
${section(t.nextSteps, next, nextItems.length <= SHORT_TABLE)}
`;
  return documentHtml({ lang, heading, officeName: data.officeName, classification: data.classification, generatedAt: data.generatedAt, body });
}

function barChart(lang: ReportLanguage, byStatus: PortfolioReportData['byStatus']): string {
  const entries = Object.entries(byStatus) as [keyof typeof STATUS.en, number][];
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rowHeight = 19;
  const bars = entries
    .map(([status, n], i) => {
      const y = i * rowHeight + 3;
      const w = (n / max) * 440;
      return `<text x="0" y="${y + 11}" font-size="10" fill="#212529">${escapeHtml(STATUS[lang][status])}</text><rect x="90" y="${y}" width="${Math.max(w, n ? 2 : 0).toFixed(1)}" height="14" rx="1.5" fill="${STATUS_COLOR[status]}"/><text x="${(96 + w).toFixed(1)}" y="${y + 11}" font-size="10" font-weight="700" fill="#212529">${n}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${L[lang].byStatus}" width="100%" viewBox="0 0 600 ${entries.length * rowHeight + 6}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function countryName(code: string, lang: ReportLanguage): string {
  try {
    return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function renderPortfolioReport(data: PortfolioReportData): string {
  const { lang } = data;
  const t = L[lang];
  const total = data.partnerships.length;
  const programme = data.programme ? ((lang === 'zh' ? data.programme.nameZh : data.programme.nameEn) ?? data.programme.nameZh ?? data.programme.nameEn) : null;
  const filterText = [
    data.filters.status ? `${t.status}: ${STATUS[lang][data.filters.status]}` : null,
    data.filters.programmeId ? `${t.programme}: ${programme ?? ''}` : null,
    data.filters.country ? `${t.country}: ${countryName(data.filters.country, lang)}` : null,
    data.filters.owner ? `${t.owner}: ${data.filters.owner}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const periodText = data.from || data.to ? `${reportDate(data.from, lang) || '…'} – ${reportDate(data.to, lang) || '…'}` : '';

  const figures = `<div class="figures keep">
<div class="figure"><div class="value">${total}</div><div class="label">${t.totalLabel}</div></div>
<div class="figure"><div class="value">${data.byStatus.active}</div><div class="label">${t.activeLabel}</div></div>
<div class="figure${data.overdueTasks.length ? ' alert' : ''}"><div class="value">${data.overdueTasks.length}</div><div class="label">${t.overdueLabel}</div></div>
<div class="figure"><div class="value">${data.next90.length}</div><div class="label">${t.next90Label}</div></div>
</div>`;

  const countryCells = data.byCountry.map(
    (c) => `<td>${escapeHtml(countryName(c.country, lang))} <span class="muted small">${escapeHtml(c.country)}</span><span class="n">${c.count}</span></td>`,
  );
  const countryRows: string[] = [];
  for (let i = 0; i < countryCells.length; i += 3)
    countryRows.push(`<tr>${countryCells.slice(i, i + 3).join('')}${'<td></td>'.repeat(Math.max(0, 3 - countryCells.slice(i, i + 3).length))}</tr>`);
  const countries = countryRows.length ? `<table class="countries"><tbody>${countryRows.join('')}</tbody></table>` : `<p class="muted">${t.none}</p>`;

  const overdue = data.overdueTasks.length
    ? `<table><thead><tr><th>${t.item}</th><th style="width:50mm">${t.partnership}</th><th style="width:28mm">${t.due}</th><th style="width:24mm">${t.assignee}</th></tr></thead><tbody>${data.overdueTasks
        .map(
          (task) =>
            `<tr><td>${escapeHtml(task.title)}</td><td class="small">${escapeHtml((lang === 'zh' ? task.partnershipTitleZh : task.partnershipTitleEn) ?? task.partnershipTitle ?? '')}</td><td class="nowrap overdue">${reportDate(task.dueOn, lang)}</td><td>${escapeHtml(task.assignee)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${t.none}</p>`;

  const next = data.next90.length
    ? `<table><thead><tr><th style="width:28mm">${t.date}</th><th>${t.item}</th><th style="width:70mm">${t.partnership}</th></tr></thead><tbody>${data.next90
        .map(
          (n) =>
            `<tr><td class="nowrap">${reportDate(n.date, lang)}</td><td>${n.what === 'milestone' ? escapeHtml(n.title) : n.what === 'review' ? t.reviewDue : t.termEnds}</td><td class="small">${escapeHtml(n.partnership)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${t.none}</p>`;

  const meetings = data.meetingsInPeriod
    ? data.meetingsInPeriod.length
      ? `<table><thead><tr><th style="width:26mm">${t.date}</th><th>${t.meeting}</th><th style="width:62mm">${t.partnership}</th></tr></thead><tbody>${data.meetingsInPeriod
          .map(
            (m) =>
              `<tr><td class="nowrap">${reportDate(m.date, lang)}</td><td>${escapeHtml(m.title)}${m.outcomes ? `<br><span class="muted small pre">${escapeHtml(m.outcomes)}</span>` : ''}</td><td class="small">${m.partnerships.map((p) => escapeHtml(title(lang, p))).join('<br>')}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : `<p class="muted">${t.noMeetings}</p>`
    : '';

  const rows = data.partnerships
    .map(
      (p) =>
        `<tr><td>${escapeHtml(title(lang, p))}<br><span class="muted small">${escapeHtml(p.parties.map((x) => partyName(lang, x)).join(' · '))}${p.partyCount > p.parties.length ? ` +${p.partyCount - p.parties.length}` : ''}</span></td><td class="nowrap">${statusBadge(lang, p.status)}</td><td class="nowrap">${reportDate(p.lastContact, lang) || `<span class="muted">${t.none}</span>`}</td><td>${p.nextMilestone ? `<span class="nowrap">${reportDate(p.nextMilestone.date, lang)}</span><br><span class="small">${escapeHtml(p.nextMilestone.title)}</span>` : `<span class="muted">${t.none}</span>`}</td></tr>`,
    )
    .join('');
  const list = total
    ? `<table><thead><tr><th>${t.partnership}</th><th style="width:22mm">${t.status}</th><th style="width:25mm">${t.lastContact}</th><th style="width:40mm">${t.nextMilestone}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${t.none}</p>`;

  const heading = t.portfolioReport;
  const body = `
<header class="keep"><h1>${heading}</h1>
<div class="subtitle">${t.total} ${total}${filterText ? ` · ${t.filters}: ${escapeHtml(filterText)}` : ''}${periodText ? ` · ${t.period}: ${periodText}` : ''}</div>
${figures}</header>
${section(t.byStatus, barChart(lang, data.byStatus), true)}
${section(t.byCountry, countries, countryRows.length <= SHORT_TABLE)}
${section(t.overdueTasks, overdue, data.overdueTasks.length <= SHORT_TABLE)}
${section(t.next90, next, data.next90.length <= SHORT_TABLE)}
${data.meetingsInPeriod ? section(t.meetingsInPeriod, meetings, data.meetingsInPeriod.length <= 3) : ''}
${section(t.partnerships, list, total <= 3)}
`;
  return documentHtml({ lang, heading, officeName: data.officeName, classification: data.classification, generatedAt: data.generatedAt, body });
}
