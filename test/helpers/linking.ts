import type { FakeSlack } from '../../tools/fake-slack/server.ts';
import type { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';

/** The consent button's URL in a link card. */
export function consentUrlOf(card: unknown): string {
  const blocks = (card as { blocks?: { elements?: { url?: string; action_id?: string }[] }[] }).blocks ?? [];
  const url = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'open_cor_consent')?.url;
  if (!url) throw new Error(`no consent button in ${JSON.stringify(card)}`);
  return url;
}

/** Links a Slack user to a COR user through /cor link, COR's consent page and the bot's callback. */
export async function linkUser(sender: SlackRequestSender, slackUserId: string, corUserId: number, teamId = 'T0DEMO'): Promise<void> {
  const res = await sender.slashCommand({ text: 'link', user_id: slackUserId, team_id: teamId });
  await consentThrough(res.json, corUserId);
}

/** `/cor language <language>` for someone, waiting for its answer (Jane's Slack speaks es-LA: tests that read her in English choose it). */
export async function chooseLanguage(sender: SlackRequestSender, slack: FakeSlack, slackUserId: string, language: 'en' | 'es' | 'pt'): Promise<void> {
  const chose = await sender.slashCommand({ text: `language ${language}`, user_id: slackUserId });
  await waitForResponse(slack, chose.responseUrl, (body) => typeof body.text === 'string');
}

/** From a link card (the answer to /cor link) through COR's consent page and the bot's callback, as `corUserId`. */
export async function consentThrough(card: unknown, corUserId: number): Promise<void> {
  const consent = new URL(consentUrlOf(card));
  consent.searchParams.set('user_id', String(corUserId));
  const redirect = await fetch(consent, { redirect: 'manual' });
  const callback = await fetch(redirect.headers.get('location') ?? '');
  if (callback.status !== 200) throw new Error(`linking failed: ${callback.status} ${await callback.text()}`);
}

/** The last message the bot sent to one response_url. */
export function responsesTo(slack: FakeSlack, responseUrl: string): Record<string, unknown>[] {
  const id = responseUrl.split('/').pop();
  return slack.responses.filter((r) => r.id === id).map((r) => r.body);
}

export async function waitForResponse(slack: FakeSlack, responseUrl: string, match: (body: Record<string, unknown>) => boolean, timeoutMs = 5_000): Promise<Record<string, unknown>> {
  return slack.waitFor(() => responsesTo(slack, responseUrl).find(match), timeoutMs);
}
