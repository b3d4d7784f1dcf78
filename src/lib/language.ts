/** The languages the bot speaks; `en` is the source of every message's key. */
export const LANGUAGES = ['en', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** A Slack locale (`es-LA`, `pt-BR`, `en-US`, …) to the language spoken: es-* Spanish, pt-* Portuguese, else English. */
export function languageOfLocale(locale: string | null | undefined): Language | undefined {
  if (!locale) return undefined;
  const prefix = locale.slice(0, 2).toLowerCase();
  return prefix === 'es' || prefix === 'pt' ? prefix : 'en';
}
