import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { ReportProblem } from '../../domain/parse/report-words.ts';
import type { Report, ReportRefusal, ReportRow } from '../../domain/reports/model.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { AltWords, BarsChart } from '../../lib/charts.ts';
import { type Message, plain, section, truncate } from '../blocks.ts';
import { ACTIONS, CALLBACKS, REPORT_MODAL_BLOCKS as B } from '../ids.ts';

/** Slack's limit for a button's value: a report's ask travels in it. */
export const BUTTON_VALUE_MAX = 2_000;
/** Series named on a chart; the rest are "other". */
const NAMED_SERIES = 6;

/** Whose hours, in words: "Your hours", "Hours of Jane Doe and Ana Souza", "Hours of Design team". */
function whoOf(t: Texts, report: Report): string {
  const people = report.ask.people;
  if (people.kind === 'me') return t.t('reports.who.me');
  if (people.kind === 'everyone') return t.t('reports.who.everyone');
  if (people.groupName) return t.t('reports.who.group', { group: plain(people.groupName) });
  return t.t('reports.who.people', { names: plain(t.list(report.people.slice(0, 10))) });
}

function onOf(t: Texts, report: Report): string {
  return report.scope ? t.t('reports.on', { name: plain(report.scope.name) }) : '';
}

/** The report's words before its chart: whose hours, on what, when; the total (against the target); the change. */
function totalsLines(t: Texts, report: Report): string {
  const { from, to } = report.ask.period;
  const head = t.t('reports.head', { who: whoOf(t, report), on: onOf(t, report), from: t.day(from), to: t.day(to) });
  const total =
    report.targetHours !== undefined && report.targetHours > 0
      ? t.t('reports.totalOfTarget', { hours: t.hours(report.totalHours), target: t.hours(report.targetHours) })
      : t.t('reports.total', { hours: t.hours(report.totalHours) });
  const before = report.previous;
  const delta = report.totalHours - before.totalHours;
  const change = t.hoursChange(delta);
  const range = { from: t.day(before.from), to: t.day(before.to) };
  const changeLine = before.totalHours > 0 ? t.t('reports.change', { change, percent: delta / before.totalHours, ...range }) : t.t('reports.changeFromNone', { change, ...range });
  return `${head}\n${total}\n${changeLine}`;
}

/** A row's or series' name: the domain gives hours on no project (and a by-day chart's one series) no name. */
function nameOf(t: Texts, report: Report, row: { id: number | null; name: string }): string {
  if (row.id !== null || row.name !== '') return row.name;
  return t.t(report.groupBy === 'day' ? 'reports.chart.total' : 'reports.noProject');
}

function rowsText(t: Texts, title: string, rows: ReportRow[]): string | undefined {
  if (rows.length === 0) return undefined;
  return `${title}\n${rows.map((r) => `• ${t.hours(r.hours)} · ${plain(r.id === null && r.name === '' ? t.t('reports.noProject') : r.name)}`).join('\n')}`;
}

/** The top projects, tasks and people: each a column of the table (people only when several). */
function tableBlock(t: Texts, report: Report): KnownBlock | undefined {
  const columns = [
    rowsText(t, t.t('reports.top.projects'), report.top.projects),
    rowsText(t, t.t('reports.top.tasks'), report.top.tasks),
    report.people.length > 1 || report.ask.people.kind !== 'me' ? rowsText(t, t.t('reports.top.people'), report.top.people) : undefined,
  ].filter((c): c is string => c !== undefined);
  if (columns.length === 0) return undefined;
  return { type: 'section', fields: columns.map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, 2000) })) };
}

/** The chart of a report: its buckets as days or weeks, its series stacked, each bucket's target when known. */
export function reportChart(t: Texts, report: Report): { chart: BarsChart; altWords: AltWords } {
  const { unit, buckets, series, target } = report.chart;
  const chart: BarsChart = {
    kind: 'bars',
    title: `${t.t(unit === 'day' ? 'reports.chart.titleDay' : 'reports.chart.titleWeek')} · ${whoOf(t, report).replace(/[*]/g, '')}${onOf(t, report)}`,
    periods: buckets.map((b) => (unit === 'day' ? t.day(b) : t.t('reports.chart.week', { day: t.day(b) }))),
    series: series.map((s) => ({ name: nameOf(t, report, s), values: s.values })),
    named: NAMED_SERIES,
    labels: { other: t.t('reports.chart.other'), total: t.t('reports.chart.total') },
    ...(target ? { target: { value: target, label: t.t('reports.chart.target') } } : {}),
    format: (v) => t.t('reports.chart.hours', { hours: t.number(Math.round(v * 10) / 10) }),
  };
  return { chart, altWords: { amount: (label, value) => t.t('reports.chart.amount', { label, value }), list: (items) => t.list(items) } };
}

/**
 * A report's buttons: the ask they carry (run again on a click), and whether Share goes with Download CSV (not where
 * there is nothing to share to: the DM with the bot). `too_large`: the ask does not fit a button's value, said so.
 */
export type ReportButtons = { value: string; share: boolean } | 'too_large';

/**
 * A report's answer: the totals in words, the chart (a file already in Slack, by id), the top table, then Download
 * CSV and Share. No hours: said so, nothing else. Shared (`sharedBy`): who shared it, and no buttons. `uncounted`: the
 * members of a user group with no linked COR account, said so.
 */
export function reportMessage(
  t: Texts,
  report: Report,
  opts: { chart?: { fileId: string; altText: string } | undefined; buttons?: ReportButtons | undefined; sharedBy?: string; uncounted?: number | undefined },
): Message {
  const totals = totalsLines(t, report);
  const blocks: KnownBlock[] = [section(totals)];
  const notes: string[] = opts.uncounted ? [t.t('reports.uncounted', { count: opts.uncounted })] : [];
  const context = (lines: string[]): KnownBlock[] => (lines.length > 0 ? [{ type: 'context', elements: lines.map((text) => ({ type: 'mrkdwn' as const, text })) }] : []);
  if (report.totalHours <= 0) {
    blocks.push(section(t.t('reports.none')), ...context(notes));
    return { text: `${totals}\n${t.t('reports.none')}`, blocks };
  }
  if (opts.chart) blocks.push({ type: 'image', slack_file: { id: opts.chart.fileId }, alt_text: truncate(opts.chart.altText, 2000) });
  const table = tableBlock(t, report);
  if (table) blocks.push(table);
  const buttons = opts.buttons;
  if (buttons === 'too_large') notes.push(t.t('reports.tooLarge'));
  else if (buttons && buttons.value.length <= BUTTON_VALUE_MAX) {
    const button = (action_id: string, text: string) => ({ type: 'button' as const, action_id, text: { type: 'plain_text' as const, text }, value: buttons.value });
    blocks.push({ type: 'actions', elements: [button(ACTIONS.reportCsv, t.t('reports.csvButton')), ...(buttons.share ? [button(ACTIONS.reportShare, t.t('reports.shareButton'))] : [])] });
  }
  if (opts.sharedBy) notes.push(t.t('reports.sharedBy', { user: opts.sharedBy }));
  blocks.push(...context(notes));
  return { text: totals, blocks };
}

/**
 * A report not given, in words; several projects or clients that matched: each a button that runs it with that one
 * (`pick`: its value), or only the question when there is nothing to pick with (a click's report run again).
 */
export function refusalMessage(t: Texts, refusal: ReportRefusal, pick?: (candidate: { kind: 'project' | 'client'; id: number; name: string }) => string): Message {
  switch (refusal.kind) {
    case 'not_lead':
      return words(t.t('reports.refused.notLead'));
    case 'no_such_scope':
      return words(`${t.t('reports.refused.noScope', { words: plain(refusal.words) })}\n${t.t('reports.examples')}`);
    case 'cor_refused':
      return words(t.t('reports.refused.cor'));
    case 'too_many_entries':
      return words(t.t('reports.refused.tooMany'));
    case 'ambiguous_scope': {
      const text = t.t('reports.refused.ambiguous', { words: plain(refusal.words) });
      if (!pick) return words(`${text}\n${t.t('reports.outOfDate')}`);
      const label = (c: { kind: 'project' | 'client'; name: string }) => t.t(c.kind === 'project' ? 'reports.candidateProject' : 'reports.candidateClient', { name: plain(c.name) });
      return choiceMessage(t, text, refusal.candidates.map((c) => ({ label: label(c), value: pick(c) })));
    }
  }
}

/** Several Slack user groups that match the words: each a button that runs the report with that one. */
export function groupChoiceMessage(t: Texts, said: string, candidates: { name: string; value: string }[]): Message {
  const text = t.t('reports.whichGroup', { words: plain(truncate(said, 80)) });
  return choiceMessage(t, text, candidates.map((c) => ({ label: t.t('reports.candidateGroup', { name: plain(c.name) }), value: c.value })));
}

/** A question and its answers: one section per candidate (at most 5), its button beside it (a block's action ids must differ). */
function choiceMessage(t: Texts, text: string, candidates: { label: string; value: string }[]): Message {
  const rows = candidates.slice(0, 5).flatMap((c): KnownBlock[] => {
    if (c.value.length > BUTTON_VALUE_MAX) return [];
    return [{ type: 'section', text: { type: 'mrkdwn', text: truncate(c.label, 300) }, accessory: { type: 'button', action_id: ACTIONS.reportPick, text: { type: 'plain_text', text: t.t('reports.form.submit') }, value: c.value } }];
  });
  return { text, blocks: [section(text), ...rows] };
}

const PROBLEM_KEYS = {
  empty: 'reports.problem.empty',
  no_period_words: 'reports.problem.noPeriod',
  unclear_period: 'reports.problem.unclear',
  future: 'reports.problem.future',
  too_long_range: 'reports.problem.tooLong',
  too_wordy: 'reports.problem.tooWordy',
} as const;

/** Words that could not be read as a report: what was not understood, and examples. Never a guess. */
export function problemMessage(t: Texts, problem: ReportProblem, said: string | undefined): Message {
  return words(`${t.t(PROBLEM_KEYS[problem], { words: plain(truncate(said ?? '', 100)) })}\n${t.t('reports.examples')}`);
}

/** Mentioned people who are not linked, by name; a user group not found; a group with no one linked. */
export function notLinkedMessage(t: Texts, names: string[]): Message {
  return words(t.t('reports.notLinked', { names: plain(t.list(names.slice(0, 10))), count: names.length }));
}

export function noGroupMessage(t: Texts, said: string): Message {
  return words(`${t.t('reports.noGroup', { words: plain(truncate(said, 80)) })}\n${t.t('reports.examples')}`);
}

export function groupNobodyMessage(t: Texts, group: string): Message {
  return words(t.t('reports.groupNobody', { group: plain(group) }));
}

/** A plain answer of one paragraph. */
export function words(text: string): Message {
  return { text, blocks: [section(text)] };
}

/** The CSV's column names, in the person's language; the columns are always these, in this order. */
export function csvHeader(t: Texts): string[] {
  return [
    t.t('reports.csv.date'),
    t.t('reports.csv.person'),
    t.t('reports.csv.project'),
    t.t('reports.csv.client'),
    t.t('reports.csv.task'),
    t.t('reports.csv.start'),
    t.t('reports.csv.stop'),
    t.t('reports.csv.hours'),
  ];
}

type FormPeriod = 'thisWeek' | 'lastWeek' | 'thisMonth' | 'lastMonth' | 'dates';
const PERIODS: FormPeriod[] = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'dates'];
const WHO = ['me', 'people', 'group', 'everyone'] as const;
const GROUP_BY = ['project', 'person', 'task', 'day'] as const;

/** `/cor report` alone: whose hours, on what, when, grouped how (answered in the DM with the bot). */
export function reportForm(t: Texts): ModalView {
  const option = (text: string, value: string): PlainTextOption => ({ text: { type: 'plain_text', text }, value });
  const whoOptions = WHO.map((w) => option(t.t(`reports.form.who.${w}`), w));
  const periodOptions = PERIODS.map((p) => option(t.t(`reports.form.period.${p}`), p));
  return {
    type: 'modal',
    callback_id: CALLBACKS.report,
    title: { type: 'plain_text', text: t.t('reports.form.title') },
    submit: { type: 'plain_text', text: t.t('reports.form.submit') },
    close: { type: 'plain_text', text: t.t('reports.form.cancel') },
    blocks: [
      { type: 'input', block_id: B.who, label: { type: 'plain_text', text: t.t('reports.form.who') }, element: { type: 'radio_buttons', action_id: B.whoAction, options: whoOptions, initial_option: whoOptions[0] } },
      { type: 'input', block_id: B.people, optional: true, label: { type: 'plain_text', text: t.t('reports.form.people') }, element: { type: 'multi_users_select', action_id: B.peopleAction } },
      { type: 'input', block_id: B.group, optional: true, label: { type: 'plain_text', text: t.t('reports.form.group') }, element: { type: 'external_select', action_id: B.groupAction, min_query_length: 0 } },
      {
        type: 'input',
        block_id: B.scope,
        optional: true,
        label: { type: 'plain_text', text: t.t('reports.form.scope') },
        hint: { type: 'plain_text', text: t.t('reports.form.scopeHint') },
        element: { type: 'external_select', action_id: B.scopeAction, min_query_length: 1 },
      },
      { type: 'input', block_id: B.period, label: { type: 'plain_text', text: t.t('reports.form.period') }, element: { type: 'static_select', action_id: B.periodAction, options: periodOptions, initial_option: periodOptions[0] } },
      { type: 'input', block_id: B.from, optional: true, label: { type: 'plain_text', text: t.t('reports.form.from') }, element: { type: 'datepicker', action_id: B.fromAction } },
      { type: 'input', block_id: B.to, optional: true, label: { type: 'plain_text', text: t.t('reports.form.to') }, element: { type: 'datepicker', action_id: B.toAction } },
      {
        type: 'input',
        block_id: B.groupBy,
        optional: true,
        label: { type: 'plain_text', text: t.t('reports.form.groupBy') },
        element: { type: 'static_select', action_id: B.groupByAction, options: GROUP_BY.map((g) => option(t.t(`reports.form.groupBy.${g}`), g)) },
      },
    ],
  };
}
