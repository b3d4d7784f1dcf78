import type { Language } from '../../lib/language.ts';
import { textsIn } from '../../i18n/texts.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import type { SlackServices } from '../services.ts';

/** The words people use for a language, in any of the three (accents optional): `/cor language español` works too. */
const CHOICES: Record<string, Language | 'auto'> = {
  en: 'en', english: 'en', ingles: 'en', inglés: 'en', inglês: 'en',
  es: 'es', spanish: 'es', espanol: 'es', español: 'es', espanhol: 'es', castellano: 'es',
  pt: 'pt', portuguese: 'pt', portugues: 'pt', portugués: 'pt', português: 'pt',
  auto: 'auto', slack: 'auto',
};

/**
 * `/cor language [es|pt|en|auto]`: which language the bot speaks to the person, or a new choice (`auto`: their Slack
 * language). Acknowledged at once; the answer (in the new language) and App Home's redraw follow.
 */
export function languageSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack, respond }, command, rest) => {
    await ack();
    const tenantKey = tenantOfCommand(command);
    const userId = command.user_id;
    const word = rest.trim().toLowerCase();
    const choice = word === '' ? undefined : CHOICES[word];
    if (word !== '' && !choice) {
      const t = textsIn(await services.languages.of(tenantKey, userId));
      return void (await respond({ response_type: 'ephemeral', text: t.t('language.unknown') }));
    }
    const now = choice ? await services.languages.choose(tenantKey, userId, choice) : await services.languages.describe(tenantKey, userId);
    const t = textsIn(now.language);
    const name = t.t(`language.name.${now.language}`);
    const text = !choice ? t.t('language.now', { name, auto: now.chosen ? 'no' : 'yes' }) : now.chosen ? t.t('language.set', { name }) : t.t('language.setAuto', { name });
    await respond({ response_type: 'ephemeral', text });
    if (!choice) return;
    // Home is drawn in the person's language: redrawn now, not at their next change.
    const link = await services.linking.findLink(tenantKey, userId);
    if (link) services.home.refresh(services, link);
  };
}
