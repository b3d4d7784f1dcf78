import { describe, expect, it } from 'vitest';
import { type LogParseResult, parseLogCommand } from '../../../../src/domain/parse/log-command.ts';
import { localParts, zonedTimeToInstant } from '../../../../src/lib/zoned.ts';

/**
 * The /cor log phrase table: each row is what a person types and what must come out, read with a fixed
 * clock in the person's zone. `span` is a duration in minutes or a local "H:MM-H:MM" range.
 */
type Expect =
  | { date: string; min?: number; range?: string; task?: string | number; note?: string; src?: 'explicit' | 'weekday' | 'default' }
  | { error: string };
type Row = [text: string, expect: Expect, locale?: string];

interface Scene {
  name: string;
  tz: string;
  /** local wall clock "YYYY-MM-DD HH:MM" */
  now: string;
  locale: string;
  rows: Row[];
}

const T = '2026-11-18'; // a Wednesday
const Y = '2026-11-17';
const q = 'QA';

const durations: [string, number][] = [
  ['2h', 120], ['2 h', 120], ['2hrs', 120], ['2 hrs', 120], ['2 hours', 120], ['1 hour', 60], ['2h30', 150], ['2h30m', 150],
  ['2h 30m', 150], ['2 hours 30 minutes', 150], ['2:30', 150], ['0:45', 45], ['2.5h', 150], ['2,5h', 150], ['1.25 hours', 75],
  ['150m', 150], ['90 min', 90], ['45 mins', 45], ['45 minutes', 45], ['an hour', 60], ['one hour', 60], ['half an hour', 30],
  ['half hour', 30], ['an hour and a half', 90], ['quarter of an hour', 15], ['1h45', 105], ['1 h 45 min', 105], ['8h', 480],
  ['24h', 1440], ['1 hora', 60], ['2 horas', 120], ['media hora', 30], ['una hora', 60], ['una hora y media', 90],
  ['2 horas y media', 150], ['3 horas y 15 minutos', 195], ['1 hora e meia', 90], ['uma hora', 60], ['meia hora', 30],
  ['30 minutos', 30], ['2 horas e meia', 150], ['3 horas e 15 minutos', 195], ['1,5 horas', 90], ['2hs', 120],
];

const main: Row[] = [
  // the issue's own examples
  ['2h30 on Homepage redesign yesterday', { date: Y, min: 150, task: 'Homepage redesign', src: 'explicit' }],
  ['9:00-11:30 #48211', { date: T, range: '9:00-11:30', task: 48211, src: 'default' }],
  ['1.5h ayer en Diseño', { date: Y, min: 90, task: 'Diseño' }],
  // every duration spelling, with a task
  ...durations.map(([d, min]): Row => [`${d} on ${q}`, { date: T, min, task: q }]),
  // the duration anywhere in the line
  [`on ${q} 2h`, { date: T, min: 120, task: q }],
  [`yesterday 2h on ${q}`, { date: Y, min: 120, task: q }],
  [`ayer 2h en ${q}`, { date: Y, min: 120, task: q }],
  // ranges
  [`9-11:30 on ${q}`, { date: T, range: '9:00-11:30', task: q }],
  [`9:00-11:30 on ${q}`, { date: T, range: '9:00-11:30', task: q }],
  [`9:00 - 11:30 on ${q}`, { date: T, range: '9:00-11:30', task: q }],
  [`9am to 11:30am on ${q}`, { date: T, range: '9:00-11:30', task: q }],
  [`9 to 11:30am on ${q}`, { date: T, range: '9:00-11:30', task: q }],
  [`1pm-3pm on ${q}`, { date: T, range: '13:00-15:00', task: q }],
  [`12pm to 1pm on ${q}`, { date: T, range: '12:00-13:00', task: q }],
  [`from 14:00 to 16:00 on ${q}`, { date: T, range: '14:00-16:00', task: q }],
  [`from 9 to 5 on ${q}`, { date: T, range: '9:00-17:00', task: q }],
  [`de 9 a 11 en ${q}`, { date: T, range: '9:00-11:00', task: q }],
  [`de 9:30 a 11 en ${q}`, { date: T, range: '9:30-11:00', task: q }],
  [`desde las 14 hasta las 16 en ${q}`, { date: T, range: '14:00-16:00', task: q }],
  [`entre 10 y 12 en ${q}`, { date: T, range: '10:00-12:00', task: q }],
  [`das 9 às 11 em ${q}`, { date: T, range: '9:00-11:00', task: q }],
  [`das 14h às 16h em ${q}`, { date: T, range: '14:00-16:00', task: q }],
  [`since 2pm on ${q}`, { date: T, range: '14:00-18:30', task: q }],
  [`since 14:15 on ${q}`, { date: T, range: '14:15-18:30', task: q }],
  [`desde las 14 en ${q}`, { date: T, range: '14:00-18:30', task: q }],
  [`desde as 14h em ${q}`, { date: T, range: '14:00-18:30', task: q }],
  [`yesterday 22:00-01:00 on ${q}`, { date: Y, range: '22:00-1:00', task: q }],
  [`yesterday 9-11:30 on ${q}`, { date: Y, range: '9:00-11:30', task: q }],
  [`ayer de 9 a 11 en ${q}`, { date: Y, range: '9:00-11:00', task: q }],
  // dates
  [`2h today on ${q}`, { date: T, min: 120, task: q, src: 'explicit' }],
  [`2h yesterday on ${q}`, { date: Y, min: 120, task: q, src: 'explicit' }],
  [`2h last friday on ${q}`, { date: '2026-11-13', min: 120, task: q }],
  [`2h friday on ${q}`, { date: '2026-11-13', min: 120, task: q, src: 'weekday' }],
  [`2h monday on ${q}`, { date: '2026-11-16', min: 120, task: q, src: 'weekday' }],
  [`2h on monday on ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h wednesday on ${q}`, { date: T, min: 120, task: q }],
  [`2h last wednesday on ${q}`, { date: '2026-11-11', min: 120, task: q }],
  [`2h on the 18th on ${q}`, { date: T, min: 120, task: q }],
  [`2h on the 3rd on ${q}`, { date: '2026-11-03', min: 120, task: q }],
  [`2h on the 25th on ${q}`, { date: '2026-10-25', min: 120, task: q }],
  [`2h 18/11 on ${q}`, { date: T, min: 120, task: q }],
  [`2h 05/11 on ${q}`, { date: '2026-05-11', min: 120, task: q }],
  [`2h 2026-11-18 on ${q}`, { date: T, min: 120, task: q }],
  [`2h 2026-10-01 on ${q}`, { date: '2026-10-01', min: 120, task: q }],
  [`2h nov 12 on ${q}`, { date: '2026-11-12', min: 120, task: q }],
  [`2h 2 days ago on ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h the day before yesterday on ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h ayer en ${q}`, { date: Y, min: 120, task: q }],
  [`2h anteayer en ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h antes de ayer en ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h hoy en ${q}`, { date: T, min: 120, task: q }],
  [`2h el lunes en ${q}`, { date: '2026-11-16', min: 120, task: q, src: 'weekday' }],
  [`2h el viernes en ${q}`, { date: '2026-11-13', min: 120, task: q }],
  [`2h el viernes pasado en ${q}`, { date: '2026-11-13', min: 120, task: q }],
  [`2h el 5 en ${q}`, { date: '2026-11-05', min: 120, task: q }],
  [`2h 05/11 en ${q}`, { date: '2026-11-05', min: 120, task: q }],
  [`2h ontem em ${q}`, { date: Y, min: 120, task: q }],
  [`2h anteontem em ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h hoje em ${q}`, { date: T, min: 120, task: q }],
  [`2h segunda em ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h segunda-feira em ${q}`, { date: '2026-11-16', min: 120, task: q }],
  [`2h sexta passada em ${q}`, { date: '2026-11-13', min: 120, task: q }],
  [`3h30 no dia 10 em ${q}`, { date: '2026-11-10', min: 210, task: q }],
  [`2h 05/11 em ${q}`, { date: '2026-11-05', min: 120, task: q }],
  // tasks, links and notes
  ['2h on Reunión de planificación', { date: T, min: 120, task: 'Reunión de planificación' }],
  ['2h for Mobile app login flow', { date: T, min: 120, task: 'Mobile app login flow' }],
  ['2h to Homepage redesign - hero section', { date: T, min: 120, task: 'Homepage redesign - hero section' }],
  ['2h em Logo e identidade', { date: T, min: 120, task: 'Logo e identidade' }],
  ['2h para Campaña verano', { date: T, min: 120, task: 'Campaña verano' }],
  ['2h Homepage redesign', { date: T, min: 120, task: 'Homepage redesign' }],
  ['2h #48211', { date: T, min: 120, task: 48211 }],
  ['#48211 2h', { date: T, min: 120, task: 48211 }],
  ['2h #48211 meeting notes', { date: T, min: 120, task: 48211, note: 'meeting notes' }],
  ['2h https://acme.cor.works/tasks/48213 reviewing', { date: T, min: 120, task: 48213, note: 'reviewing' }],
  ['2h <https://acme.cor.works/tasks/48213|Login flow>', { date: T, min: 120, task: 48213 }],
  ['2h https://app.projectcor.com/task/48213/details', { date: T, min: 120, task: 48213 }],
  [`2h on ${q} -- fixed the login bug`, { date: T, min: 120, task: q, note: 'fixed the login bug' }],
  [`2h on ${q} -- 3 bugs, 2 reviews`, { date: T, min: 120, task: q, note: '3 bugs, 2 reviews' }],
  [`2h "call with client" on ${q}`, { date: T, min: 120, task: q, note: 'call with client' }],
  [`2h “llamada con cliente” en ${q}`, { date: T, min: 120, task: q, note: 'llamada con cliente' }],
  ['2h code review on Mobile app', { date: T, min: 120, task: 'Mobile app', note: 'code review' }],
  ['log 3h for Mobile app login flow el martes', { date: Y, min: 180, task: 'Mobile app login flow' }],
  ['2h', { date: T, min: 120 }],
  ['2h yesterday', { date: Y, min: 120 }],
  ['2 h &amp; more on QA', { date: T, min: 120, task: 'QA', note: '& more' }],
  // refusals, each with its reason
  ['', { error: 'empty' }],
  ['   ', { error: 'empty' }],
  [`on ${q}`, { error: 'no_duration' }],
  [`yesterday on ${q}`, { error: 'no_duration' }],
  [`2 on ${q}`, { error: 'ambiguous_number' }],
  [`1.5 on ${q}`, { error: 'ambiguous_number' }],
  ['2 hamburgers', { error: 'ambiguous_number' }],
  [`30 meetings on ${q}`, { error: 'ambiguous_number' }],
  [`0h on ${q}`, { error: 'zero' }],
  [`0 minutes on ${q}`, { error: 'zero' }],
  [`-2h on ${q}`, { error: 'negative' }],
  [`25h on ${q}`, { error: 'too_long' }],
  [`1500 minutes on ${q}`, { error: 'too_long' }],
  [`2h tomorrow on ${q}`, { error: 'future' }],
  [`2h mañana en ${q}`, { error: 'future' }],
  [`2h amanhã em ${q}`, { error: 'future' }],
  [`2h next friday on ${q}`, { error: 'future' }],
  [`2h el próximo lunes en ${q}`, { error: 'future' }],
  [`2h 2026-12-01 on ${q}`, { error: 'future' }],
  [`from 19:00 to 20:00 on ${q}`, { error: 'range_in_future' }],
  [`since 7pm on ${q}`, { error: 'since_in_future' }],
];

const scenes: Scene[] = [
  { name: 'Buenos Aires, Wednesday evening (en-US)', tz: 'America/Argentina/Buenos_Aires', now: `${T} 18:30`, locale: 'en-US', rows: main },
  {
    name: 'London, day-first English',
    tz: 'Europe/London',
    now: `${T} 18:30`,
    locale: 'en-GB',
    rows: [
      [`2h 05/11 on ${q}`, { date: '2026-11-05', min: 120, task: q }],
      [`2h 18/11 on ${q}`, { date: T, min: 120, task: q }],
      [`2h friday on ${q}`, { date: '2026-11-13', min: 120, task: q }],
    ],
  },
  {
    name: 'Auckland just after midnight (UTC is still the day before)',
    tz: 'Pacific/Auckland',
    now: '2026-11-19 00:10',
    locale: 'en-US',
    rows: [
      [`2h today on ${q}`, { date: '2026-11-19', min: 120, task: q }],
      [`2h on ${q}`, { date: '2026-11-19', min: 120, task: q, src: 'default' }],
      [`2h yesterday on ${q}`, { date: T, min: 120, task: q }],
      [`2h tomorrow on ${q}`, { error: 'future' }],
      [`2h wednesday on ${q}`, { date: T, min: 120, task: q }],
      [`yesterday 22:00-23:30 on ${q}`, { date: T, range: '22:00-23:30', task: q }],
      [`since 23:00 on ${q}`, { error: 'since_in_future' }],
    ],
  },
  {
    name: 'Kolkata late at night (+05:30)',
    tz: 'Asia/Kolkata',
    now: `${T} 23:50`,
    locale: 'en-GB',
    rows: [
      [`2h on ${q}`, { date: T, min: 120, task: q }],
      [`since 23:00 on ${q}`, { date: T, range: '23:00-23:50', task: q }],
      [`21:30-23:45 on ${q}`, { date: T, range: '21:30-23:45', task: q }],
    ],
  },
  {
    name: 'New York on the day clocks spring forward',
    tz: 'America/New_York',
    now: '2026-03-08 12:00',
    locale: 'en-US',
    rows: [
      // 1:00 EST to 3:30 EDT is 90 real minutes
      [`1:00-3:30 on ${q}`, { date: '2026-03-08', range: '1:00-3:30', task: q, min: 90 }],
      [`2h yesterday on ${q}`, { date: '2026-03-07', min: 120, task: q }],
      [`2h friday on ${q}`, { date: '2026-03-06', min: 120, task: q }],
      [`since 9am on ${q}`, { date: '2026-03-08', range: '9:00-12:00', task: q, min: 180 }],
    ],
  },
  {
    name: 'New York on the day clocks fall back',
    tz: 'America/New_York',
    now: '2026-11-01 12:00',
    locale: 'en-US',
    rows: [
      // 0:30 EDT to 2:00 EST is 150 real minutes
      [`0:30-2:00 on ${q}`, { date: '2026-11-01', range: '0:30-2:00', task: q, min: 150 }],
      [`2h yesterday on ${q}`, { date: '2026-10-31', min: 120, task: q }],
    ],
  },
  {
    name: 'Madrid across the October change, in Spanish',
    tz: 'Europe/Madrid',
    now: '2026-10-26 10:00',
    locale: 'es-ES',
    rows: [
      [`2h ayer en ${q}`, { date: '2026-10-25', min: 120, task: q }],
      [`ayer de 1:00 a 4:00 en ${q}`, { date: '2026-10-25', range: '1:00-4:00', task: q, min: 240 }],
      [`2h el sábado en ${q}`, { date: '2026-10-24', min: 120, task: q }],
      [`1,5h el 20 en ${q}`, { date: '2026-10-20', min: 90, task: q }],
    ],
  },
  {
    name: 'São Paulo, in Portuguese',
    tz: 'America/Sao_Paulo',
    now: `${T} 18:00`,
    locale: 'pt-BR',
    rows: [
      [`2h ontem em ${q}`, { date: Y, min: 120, task: q }],
      [`1 hora e meia hoje em ${q}`, { date: T, min: 90, task: q }],
      [`das 9 às 12 em ${q}`, { date: T, range: '9:00-12:00', task: q }],
      [`2h 10/11 em ${q}`, { date: '2026-11-10', min: 120, task: q }],
      [`45 minutos em ${q} -- revisão`, { date: T, min: 45, task: q, note: 'revisão' }],
    ],
  },
];

function hm(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${p.hour}:${String(p.minute).padStart(2, '0')}`;
}

function check(result: LogParseResult, expected: Expect, tz: string): void {
  if ('error' in expected) {
    expect(result.ok ? 'parsed' : result.error.code).toBe(expected.error);
    return;
  }
  if (!result.ok) throw new Error(`expected a parse, got ${JSON.stringify(result.error)}`);
  const v = result.value;
  expect(v.date).toBe(expected.date);
  if (expected.src) expect(v.dateSource).toBe(expected.src);
  if (expected.range) {
    expect(v.span.kind).toBe('range');
    if (v.span.kind === 'range') {
      expect(`${hm(v.span.start, tz)}-${hm(v.span.stop, tz)}`).toBe(expected.range);
      if (expected.min !== undefined) expect((v.span.stop.getTime() - v.span.start.getTime()) / 60_000).toBe(expected.min);
    }
  } else {
    expect(v.span).toEqual({ kind: 'duration', minutes: expected.min });
  }
  if (typeof expected.task === 'number') expect(v.task).toEqual({ kind: 'id', id: expected.task });
  else if (typeof expected.task === 'string') expect(v.task).toEqual({ kind: 'query', text: expected.task });
  else expect(v.task).toBeUndefined();
  expect(v.note).toBe(expected.note);
}

describe('/cor log phrase table', () => {
  const total = scenes.reduce((n, s) => n + s.rows.length, 0);
  it(`has at least 150 phrasings (${total})`, () => {
    expect(total).toBeGreaterThanOrEqual(150);
  });

  for (const scene of scenes) {
    describe(scene.name, () => {
      const [date, time] = scene.now.split(' ') as [string, string];
      const [h, m] = time.split(':').map(Number) as [number, number];
      const now = zonedTimeToInstant(date, h, m, scene.tz);
      it.each(scene.rows)('%s', (text, expected, locale) => {
        check(parseLogCommand(text, { now, tz: scene.tz, locale: locale ?? scene.locale }), expected, scene.tz);
      });
    });
  }
});
