import type { ReportGroupBy, ReportPeriod } from '../parse/report-words.ts';

/*
 * A report of hours: what was asked, once the Slack layer has turned mentions and user groups into people, and what
 * the domain answers with. Facts only (dates, hours, names as COR writes them): the words are the Slack layer's.
 */

/** Whose hours, resolved: Slack mentions and user groups already turned into linked people. */
export type ReportPeople =
  | { kind: 'me' }
  /** linked people, by COR user id; `groupName` when they came from a Slack user group */
  | { kind: 'people'; corUserIds: number[]; groupName?: string }
  /** whoever COR lets the asker see */
  | { kind: 'everyone' };

/** Which hours: all, a project or client by name (matched as tasks are), or a known COR project (a channel's, or one picked) or client (picked). */
type ReportScopeAsk =
  | { kind: 'all' }
  | { kind: 'named'; words: string }
  | { kind: 'project'; corProjectId: number; name: string }
  | { kind: 'client'; corClientId: number; name: string };

export interface ReportAsk {
  people: ReportPeople;
  scope: ReportScopeAsk;
  period: ReportPeriod;
  /** how the chart is stacked and the table is cut; undefined: by project for one person, by person for several */
  groupBy: ReportGroupBy | undefined;
  /** the asker's zone: the days entries are counted on */
  tz: string;
}

/** Why a report is not given; the Slack layer says it in words. */
export type ReportRefusal =
  /** a Collaborator, Freelancer or Client asked for hours other than their own */
  | { kind: 'not_lead' }
  /** no COR project or client matches the words */
  | { kind: 'no_such_scope'; words: string }
  /** several match about as well: the names to choose from (at most 5) */
  | { kind: 'ambiguous_scope'; words: string; candidates: { kind: 'project' | 'client'; id: number; name: string }[] }
  /** COR refused the asker (403) */
  | { kind: 'cor_refused' }
  /** more entries than the bot reads in one report (COR's pages past the page cap): never a total short of some */
  | { kind: 'too_many_entries' };

/**
 * One line of the table: a project, task or person (counted by COR id) and their hours. `id` null: none, e.g. the
 * hours on no project (`name` then empty: the Slack layer words it). A task's name has its project after it
 * ("QA · Acme") when another task of the report has the same title.
 */
export interface ReportRow {
  id: number | null;
  name: string;
  hours: number;
}

/** One COR entry, for the CSV. Dates and times local to `ReportAsk.tz`; `stop` empty when COR has none. */
export interface ReportEntry {
  date: string;
  person: string;
  project: string;
  client: string;
  task: string;
  /** HH:MM */
  start: string;
  stop: string;
  hours: number;
}

export interface Report {
  ask: ReportAsk;
  /** what the scope matched, when it was named or a channel's project */
  scope: { kind: 'project' | 'client'; id: number; name: string } | undefined;
  /** the people the report is about, by name (one: "me" or a named person; several: a group or everyone) */
  people: string[];
  groupBy: ReportGroupBy;
  totalHours: number;
  /** what `ask.period` is compared with: the week's days a week before, the month's days a month before (clamped to its length), the day before, or the range's length just before it */
  previous: { from: string; to: string; totalHours: number };
  /** the hours the people should have logged in the period up to today (their daily targets), when about people's hours on everything (not on one project or client) */
  targetHours: number | undefined;
  /**
   * the chart: per day (periods up to 31 days; "by day", up to 62) or per ISO week (longer), each series' hours per
   * bucket. A series is a project, task or person as `ReportRow` (id null: none); by day there is one, the total
   * (id null, name empty).
   */
  chart: {
    unit: 'day' | 'week';
    buckets: string[];
    series: { id: number | null; name: string; values: number[] }[];
    /** each bucket's share of `targetHours` (the people's daily targets of its days up to today), when there is one */
    target?: number[];
  };
  /** top rows by hours, most first (at most 5 each) */
  top: { projects: ReportRow[]; tasks: ReportRow[]; people: ReportRow[] };
  /** every entry of the period, in date and start order; rows sum to `totalHours` */
  entries: ReportEntry[];
}

export type ReportOutcome = { ok: true; report: Report } | { ok: false; refusal: ReportRefusal };
