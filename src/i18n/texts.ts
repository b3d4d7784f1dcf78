import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../lib/language.ts';
import { clockText } from '../lib/zoned.ts';
import type { ArgsOf, Catalog, MessageKey } from './catalog.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { pt } from './pt.ts';

const CATALOGS: Record<Language, Catalog> = { en, es, pt };
/** The locale each language formats numbers and dates in ("Mon 7 Dec", "lun 7 dic", "seg., 7 de dez."). */
const LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es', pt: 'pt-BR' };

/**
 * What a person reads, in their language: the catalog's messages (ICU, through intl-messageformat) and the
 * language's numbers, durations, dates and lists (Intl). Built once per language (textsIn), messages compiled on
 * first use.
 */
export class Texts {
  readonly language: Language;
  readonly #catalog: Catalog;
  readonly #compiled = new Map<MessageKey, IntlMessageFormat>();
  readonly #numbers: Intl.NumberFormat;
  readonly #signs: Intl.NumberFormat;
  readonly #days: Intl.DateTimeFormat;
  readonly #weekdays: Intl.DateTimeFormat;
  readonly #lists: Intl.ListFormat;

  constructor(language: Language) {
    this.language = language;
    this.#catalog = CATALOGS[language];
    const locale = LOCALE[language];
    this.#numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.#signs = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
    this.#days = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    this.#weekdays = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    this.#lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  }

  /** The message `key` with its arguments (values already escaped for where they go: see blocks.ts plain). */
  t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
    let format = this.#compiled.get(key);
    if (!format) {
      // Slack's own markup (<@U123>, <url|label>) is text, not ICU tags.
      format = new IntlMessageFormat(this.#catalog[key], LOCALE[this.language], undefined, { ignoreTag: true });
      this.#compiled.set(key, format);
    }
    return String(format.format(args[0]));
  }

  /** "2h 30m" · "2 h 30 min" */
  minutes(minutes: number): string {
    const h = Math.floor(minutes / 60);
    const m = Math.round(minutes % 60);
    if (h === 0) return this.t('format.minutes', { m });
    return m === 0 ? this.t('format.hours', { h }) : this.t('format.hoursMinutes', { h, m });
  }

  /** Hours as a duration ("1h 30m"), rounded to the minute. */
  hours(hours: number): string {
    return this.minutes(Math.round(hours * 60));
  }

  /** A change of hours with its sign, as the language writes signs: "+2h 30m", "-1 h", "0m". */
  hoursChange(delta: number): string {
    const sign = this.#signs.formatToParts(Math.round(delta * 60)).find((p) => p.type === 'plusSign' || p.type === 'minusSign')?.value ?? '';
    return `${sign}${this.hours(Math.abs(delta))}`;
  }

  /** 1.5 · 1,5 */
  number(n: number): string {
    return this.#numbers.format(n);
  }

  /** "Mon 7 Dec" · "lun 7 dic" · "seg., 7 de dez." for a YYYY-MM-DD date (read as that calendar day, no zone). */
  day(date: string): string {
    const text = this.#days.format(utcDay(date));
    // Spanish Intl writes "lun, 7 dic" and British English "Sept": people write "lun 7 dic" and "Sep".
    if (this.language === 'es') return text.replace(',', '');
    return this.language === 'en' ? text.replace('Sept', 'Sep') : text;
  }

  /** "Monday" · "lunes" · "segunda-feira" for 1 (Monday) … 7 (Sunday) */
  weekday(isoDay: number): string {
    // 2024-01-01 was a Monday.
    return this.#weekdays.format(utcDay(`2024-01-0${isoDay}`));
  }

  /** "09:00" in the zone (24 h in every language) */
  clock(instant: Date, tz: string): string {
    return clockText(instant, tz);
  }

  /** "a, b and c" · "a, b y c" · "a, b e c" */
  list(items: readonly string[]): string {
    return this.#lists.format(items);
  }
}

function utcDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const built = new Map<Language, Texts>();

/** The one Texts of a language (formatters are built once per language, not per answer). */
export function textsIn(language: Language): Texts {
  let texts = built.get(language);
  if (!texts) {
    texts = new Texts(language);
    built.set(language, texts);
  }
  return texts;
}
