/** A Slack message's text as plain words for COR (which shows no Slack markup), and the people it mentions. */

const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;

/** The people a message mentions (`<@U123>`), first ones first, at most `max`. */
export function mentionedUsers(text: string, max = 5): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[1] as string))].slice(0, max);
}

/**
 * Slack's markup made plain: `<@U1>` becomes "@Their Name" (from `names`, else the id), channels, groups and
 * `@here` their names, a link its label and address (`links: 'label'`: the label only), Slack's escapes the
 * characters, and *bold*, _italic_ and ~struck~ words their words.
 */
export function plainMessageText(text: string, names: ReadonlyMap<string, string>, links: 'label' | 'both' = 'both'): string {
  return text
    .replace(MENTION, (_m, id: string, label: string | undefined) => `@${names.get(id) ?? label ?? id}`)
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#([CG][A-Z0-9]+)>/g, '#$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label: string | undefined) => label ?? '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => (links === 'label' || label === url ? label : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/(^|[\s(])([*_~]+)([^*_~\s](?:[^*_~\n]*[^*_~\s])?)\2(?=$|[\s).,;:!?])/gmu, '$1$3')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A task title from a message: its first line with words, plain (links by their label), at most `max` characters. */
export function titleFromMessage(text: string, names: ReadonlyMap<string, string>, max: number): string {
  const line = plainMessageText(text, names, 'label')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => l.length > 0);
  if (!line) return '';
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
