import { describe, expect, it } from 'vitest';
import { textsIn, type Texts } from '../../../src/i18n/texts.ts';
import { LANGUAGES } from '../../../src/lib/language.ts';
import { usageCard } from '../../../src/slack/help.ts';
import { linkCard } from '../../../src/slack/person.ts';
import { englishLeaks, limitProblems } from '../../helpers/slack-limits.ts';

/** Names and titles the renders are given: shown as they are, in whatever language they were written. */
const DATA = ['Jane Doe', 'Homepage redesign', 'Diseño de landing', 'Acme'];

interface Surface {
  name: string;
  kind: 'message' | 'modal' | 'home';
  render(t: Texts): unknown;
}

/** Every surface the bot shows, rendered with representative data (the longest texts each can hold). */
const SURFACES: Surface[] = [
  { name: 'usage card', kind: 'message', render: (t) => usageCard(t, { undoSeconds: 10 }) },
  { name: 'usage card, unknown subcommand', kind: 'message', render: (t) => usageCard(t, { unknown: 'frobnicate'.repeat(10) }) },
  ...(['not_linked', 'needs_relink', undefined] as const).map((reason) => ({
    name: `link card ${reason ?? 'first'}`,
    kind: 'message' as const,
    render: (t: Texts) => linkCard(t, { consentUrl: 'https://cor.example/consent', reason, guess: { id: 2, name: 'Jane Doe', email: undefined } }),
  })),
  { name: 'link card relink', kind: 'message', render: (t) => linkCard(t, { consentUrl: 'https://cor.example/consent', reason: 'relink', linkedAs: 'Jane Doe' }) },
];

describe('every surface in every language', () => {
  it("stays within Slack's limits", () => {
    const problems = SURFACES.flatMap((s) => LANGUAGES.flatMap((language) => limitProblems(s.render(textsIn(language)), s.kind).map((p) => `${s.name} (${language}): ${p}`)));
    expect(problems).toEqual([]);
  });

  it('leaks no English into the Spanish and Portuguese renders', () => {
    const leaks = SURFACES.flatMap((s) =>
      (['es', 'pt'] as const).flatMap((language) => {
        const found = englishLeaks(s.render(textsIn(language)), DATA);
        return found.length > 0 ? [`${s.name} (${language}): ${found.join(', ')}`] : [];
      }),
    );
    expect(leaks).toEqual([]);
  });

  it('the limit check sees a surface over a limit', () => {
    const long = { title: { type: 'plain_text', text: 'Registrar horas en la tarea' }, blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }] };
    expect(limitProblems(long, 'modal')).toHaveLength(2);
  });

  it('the leak check sees English where it is', () => {
    expect(englishLeaks(usageCard(textsIn('en')), DATA)).not.toEqual([]);
  });
});
