import * as chrono from 'chrono-node';
import { addDays } from '../../lib/zoned.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import { findDuration } from './duration.ts';
import { fold, squash } from './text.ts';

/**
 * `/cor remind ...` in words: `at 18:00`, `off`, `on`, `weekdays mon-thu`, `skip tomorrow`,
 * `skip until 2026-12-02`, `target 6h`, `morning on`, `morning at 9:00`, `away on`; several in one line.
 * English, with the Spanish and Portuguese words people are likely to type.
 */
export type RemindChange =
  | { kind: 'enabled'; value: boolean }
  | { kind: 'time'; value: string }
  | { kind: 'weekdays'; value: number[] | undefined }
  | { kind: 'skip'; dates: string[] }
  | { kind: 'unskip' }
  | { kind: 'target'; value: number | null }
  | { kind: 'morning'; value: boolean }
  | { kind: 'morning_time'; value: string }
  | { kind: 'away'; value: boolean };

/** What is wrong with the words, for the person to be told in their language (slack/reminders says it). */
export type RemindProblem =
  | { code: 'word'; word: string }
  | { code: 'after'; arg: string; key: string }
  | { code: 'time' | 'days' | 'date' | 'target'; arg: string }
  | { code: 'past'; date: string }
  | { code: 'too_far' | 'morning' | 'away' };

export type RemindParse = { ok: true; changes: RemindChange[] } | { ok: false; error: RemindProblem };

export interface RemindContext {
  /** the person's local date */
  today: string;
}

const KEYWORDS = ['off', 'on', 'at', 'weekdays', 'days', 'skip', 'target', 'morning', 'away'] as const;
const SYNONYMS: Record<string, (typeof KEYWORDS)[number]> = {
  off: 'off',
  stop: 'off',
  pause: 'off',
  desactivar: 'off',
  apagar: 'off',
  desligar: 'off',
  on: 'on',
  resume: 'on',
  activar: 'on',
  ligar: 'on',
  at: 'at',
  a: 'at',
  as: 'at',
  weekdays: 'weekdays',
  days: 'days',
  dias: 'days',
  skip: 'skip',
  saltar: 'skip',
  pular: 'skip',
  target: 'target',
  objetivo: 'target',
  meta: 'target',
  morning: 'morning',
  manana: 'morning',
  manha: 'morning',
  away: 'away',
  ausente: 'away',
};

const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, lun: 1, lunes: 1, seg: 1, segunda: 1,
  tue: 2, tues: 2, tuesday: 2, mar: 2, martes: 2, ter: 2, terca: 2,
  wed: 3, wednesday: 3, mie: 3, miercoles: 3, qua: 3, quarta: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, jue: 4, jueves: 4, qui: 4, quinta: 4,
  fri: 5, friday: 5, vie: 5, viernes: 5, sex: 5, sexta: 5,
  sat: 6, saturday: 6, sab: 6, sabado: 6,
  sun: 7, sunday: 7, dom: 7, domingo: 7,
};

/** "18:00", "6pm", "6:30 pm", "18h", "18" → "HH:MM". */
export function parseClock(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h|hs)?$/.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const suffix = m[3]?.replace(/\./g, '');
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function parseWeekdays(text: string): number[] | undefined | 'invalid' {
  if (/^(auto|default|cor|reset)$/.test(text)) return undefined;
  if (/^(weekdays|mon-fri|lun-vie|seg-sex)$/.test(text)) return [1, 2, 3, 4, 5];
  const days = new Set<number>();
  for (const part of text.split(/[\s,]+|\s+(?:and|y|e)\s+/).filter(Boolean)) {
    const range = /^([a-z]+)\s*-\s*([a-z]+)$/.exec(part);
    if (range) {
      const from = DAY_NAMES[range[1] ?? ''];
      const to = DAY_NAMES[range[2] ?? ''];
      if (!from || !to) return 'invalid';
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
      continue;
    }
    const day = DAY_NAMES[part];
    if (!day) return 'invalid';
    days.add(day);
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : 'invalid';
}

const PARSERS = [chrono.en.GB, chrono.es.casual, chrono.pt.casual];

/** A date from today on, in the person's calendar: "tomorrow", "friday", "2026-12-02", "24/12". */
export function parseFutureDate(text: string, ctx: RemindContext): string | undefined {
  if (/^(today|hoy|hoje)$/.test(text)) return ctx.today;
  if (/^(tomorrow|manana|amanha)$/.test(text)) return addDays(ctx.today, 1);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const [y, m, d] = ctx.today.split('-').map(Number) as [number, number, number];
  // chrono reads a wall clock: the person's local noon "as UTC", fields read back as they are.
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
  for (const parser of PARSERS) {
    const r = parser.parse(text, reference, { forwardDate: true })[0];
    if (!r || r.index !== 0 || r.text.length < text.trim().length - 1) continue;
    const date = `${r.start.get('year')}-${String(r.start.get('month')).padStart(2, '0')}-${String(r.start.get('day')).padStart(2, '0')}`;
    return date;
  }
  return undefined;
}

/** Splits the line into clauses at each keyword, then reads each clause. */
export function parseRemindCommand(text: string, ctx: RemindContext): RemindParse {
  const words = squash(fold(text)).split(' ').filter(Boolean);
  if (words.length === 0) return { ok: true, changes: [] };
  const clauses: { key: (typeof KEYWORDS)[number]; rest: string[] }[] = [];
  for (const word of words) {
    const key = SYNONYMS[word];
    // "on"/"off"/"at" right after morning/away belong to that clause.
    const last = clauses[clauses.length - 1];
    const ownsNext = last && (last.key === 'morning' || last.key === 'away') && last.rest.length === 0;
    // "skip mañana" is a date, not the morning recap; "skip on friday" likewise.
    const inSkip = last && last.key === 'skip' && (last.rest.length === 0 || word === 'on' || word === 'at');
    if (key && !ownsNext && !inSkip) clauses.push({ key, rest: [] });
    else if (last) last.rest.push(word);
    else return { ok: false, error: { code: 'word', word } };
  }
  const changes: RemindChange[] = [];
  for (const { key, rest } of clauses) {
    const arg = rest.join(' ');
    switch (key) {
      case 'off':
      case 'on':
        if (arg) return { ok: false, error: { code: 'after', arg, key } };
        changes.push({ kind: 'enabled', value: key === 'on' });
        break;
      case 'at': {
        const time = parseClock(arg.replace(/^(?:las|la|the)\s+/, ''));
        if (!time) return { ok: false, error: { code: 'time', arg } };
        changes.push({ kind: 'time', value: time });
        break;
      }
      case 'weekdays':
      case 'days': {
        const days = parseWeekdays(arg);
        if (days === 'invalid') return { ok: false, error: { code: 'days', arg } };
        changes.push({ kind: 'weekdays', value: days });
        break;
      }
      case 'skip': {
        if (/^(none|nothing|clear|nada|nenhum)$/.test(arg)) {
          changes.push({ kind: 'unskip' });
          break;
        }
        const until = /^(?:until|till|hasta|ate)\s+(.+)$/.exec(arg);
        const date = parseFutureDate(until ? (until[1] ?? '') : arg, ctx);
        if (!date) return { ok: false, error: { code: 'date', arg } };
        if (date < ctx.today) return { ok: false, error: { code: 'past', date } };
        const dates: string[] = [];
        if (until) {
          if (date > addDays(ctx.today, 366)) return { ok: false, error: { code: 'too_far' } };
          for (let d = ctx.today; d <= date; d = addDays(d, 1)) dates.push(d);
        } else dates.push(date);
        changes.push({ kind: 'skip', dates });
        break;
      }
      case 'target': {
        if (/^(auto|default|cor|reset)$/.test(arg)) {
          changes.push({ kind: 'target', value: null });
          break;
        }
        const bare = /^(\d+(?:[.,]\d+)?)$/.exec(arg);
        const found = bare ? { minutes: Number((bare[1] ?? '0').replace(',', '.')) * 60 } : findDuration(arg);
        if (!found || !('minutes' in found) || found.minutes <= 0 || found.minutes > 24 * 60) {
          return { ok: false, error: { code: 'target', arg } };
        }
        changes.push({ kind: 'target', value: Math.round(found.minutes) / 60 });
        break;
      }
      case 'morning':
      case 'away': {
        const first = rest[0];
        if (first === 'on' || first === 'off') {
          if (rest.length > 1) return { ok: false, error: { code: 'word', word: rest.slice(1).join(' ') } };
          changes.push(key === 'morning' ? { kind: 'morning', value: first === 'on' } : { kind: 'away', value: first === 'on' });
          break;
        }
        if (key === 'morning') {
          const time = parseClock(first === 'at' || first === 'a' || first === 'as' ? rest.slice(1).join(' ') : arg);
          if (time) {
            changes.push({ kind: 'morning', value: true }, { kind: 'morning_time', value: time });
            break;
          }
        }
        return { ok: false, error: { code: key === 'morning' ? 'morning' : 'away' } };
      }
    }
  }
  return { ok: true, changes };
}

/** The settings after the changes; skip dates in the past are dropped by whoever saves them. */
export function applyRemindChanges(setting: ReminderSettingRecord, changes: RemindChange[]): ReminderSettingRecord {
  let s = { ...setting };
  for (const c of changes) {
    switch (c.kind) {
      case 'enabled':
        s = { ...s, enabled: c.value };
        break;
      case 'time':
        s = { ...s, localTime: c.value, enabled: true };
        break;
      case 'weekdays':
        s = { ...s, weekdays: c.value };
        break;
      case 'skip':
        s = { ...s, skipDates: [...new Set([...s.skipDates, ...c.dates])].sort() };
        break;
      case 'unskip':
        s = { ...s, skipDates: [] };
        break;
      case 'target':
        s = { ...s, targetHours: c.value };
        break;
      case 'morning':
        s = { ...s, morningRecap: c.value };
        break;
      case 'morning_time':
        s = { ...s, morningTime: c.value };
        break;
      case 'away':
        s = { ...s, respectAway: c.value };
        break;
    }
  }
  return s;
}
