import type { ModalView } from '@slack/types';
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackOptionsMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { findDuration } from '../../domain/parse/duration.ts';
import type { Texts } from '../../i18n/texts.ts';
import { isLanguage } from '../../lib/language.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Message } from '../blocks.ts';
import { section } from '../blocks.ts';
import type { SubcommandHandler, Subcommands } from '../command.ts';
import { ACTIONS, CALLBACKS, DIGEST_MODAL_BLOCKS as B, SUBCOMMANDS } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { linkCard, textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import { afterAck, answerAt, DM, postToResponseUrl, type Respond } from '../respond.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { CHART_BLOCK, type DigestFormMeta, digestListCard, digestModal, digestModalMessage, digestSavedNote, LANGUAGE_BLOCK } from './blocks.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function refused(t: Texts): Message {
  const text = t.t('digest.refused');
  return { text, blocks: [section(text)] };
}

/** The clicker's link, when they lead others in COR; else they are told why not (and undefined). */
async function leadOf(services: SlackServices, tenantKey: string, userId: string, tell: (m: Message) => Promise<unknown>): Promise<UserLinkRecord | undefined> {
  const link = await services.linking.requireLink(tenantKey, userId).catch(() => undefined);
  if (!link) {
    await tell(linkCard(await textsFor(services, tenantKey, userId), { consentUrl: await services.linking.consentUrl(tenantKey, userId), reason: 'not_linked' }));
    return undefined;
  }
  if (!(await services.linking.isLead(link))) {
    await tell(refused(await textsOfLink(services, link)));
    return undefined;
  }
  return link;
}

/** `/cor digest`: a lead's digests, to add, edit, pause and delete; anyone else is told digests are for leads. */
function digestSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command) => {
    await args.ack({ response_type: 'ephemeral', text: '⏳ …' });
    const respond: Respond = (m) => args.respond({ response_type: 'ephemeral', replace_original: true, ...m });
    await withLinkOrCard(services, respond, command, async (link) => {
      const t = await textsOfLink(services, link);
      if (!(await services.linking.isLead(link))) return void (await respond(refused(t)));
      // In a channel that is a COR project, a new digest can be about that project's people.
      const channelProject = command.channel_id ? await services.projects.ofChannel(link.tenantKey, command.channel_id) : undefined;
      await respond(digestListCard(t, await services.digests.ofOwner(link), undefined, channelProject && { id: channelProject.corProjectId, name: channelProject.name }));
    });
  };
}

/** New digest / Edit: the form, opened before the trigger runs out, for leads only. */
function openForm(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const tenantKey = tenantOfInteraction(args.body);
    const userId = args.body.user.id;
    const id = (args.action as ButtonAction).value ?? 'new';
    const project = z.object({ p: z.number().int().positive(), n: z.string() }).safeParse(parseJsonText(id));
    const meta: DigestFormMeta = { t: tenantKey, u: userId, ...(args.body.response_url ? { r: args.body.response_url } : {}), ...(project.success ? { p: project.data.p, pn: project.data.n } : {}) };
    // Opened at once (the trigger lasts 3 s), filled once COR has said the role allows it.
    const t = await textsFor(services, tenantKey, userId, { askSlack: false });
    const opened = await args.client.views.open({ trigger_id: args.body.trigger_id, view: digestModalMessage(t, meta, t.t('digest.pending')) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    const show = (view: ModalView) => args.client.views.update({ view_id: viewId, view });
    await afterAck(
      services,
      { tenantKey, slackUserId: userId },
      async () => {
        const link = await leadOf(services, tenantKey, userId, async (m) => show(digestModalMessage(await textsFor(services, tenantKey, userId), meta, m.text)));
        if (!link) return;
        const t = await textsOfLink(services, link);
        const existing = id !== 'new' && !project.success ? await services.digests.own(link, id) : undefined;
        if (id !== 'new' && !project.success && !existing) return void (await show(digestModalMessage(t, meta, t.t('digest.gone'))));
        // A user group is shown by its name (the form's type-ahead gives names; the digest keeps the id).
        const groups = existing?.audience.kind === 'usergroup' ? await services.digests.userGroups(tenantKey).catch(() => []) : [];
        const groupName = existing?.audience.kind === 'usergroup' ? groups.find((g) => existing.audience.kind === 'usergroup' && g.id === existing.audience.usergroupId)?.name : undefined;
        await show(digestModal(t, { ...meta, ...(existing ? { id: existing.id } : {}) }, existing, groupName));
      },
      async (text: string) => show(digestModalMessage(await textsFor(services, tenantKey, userId), meta, `⚠️ ${text}`)),
    );
  };
}

const metaSchema = z.object({ t: z.string().min(1), u: z.string().min(1), id: z.string().optional(), r: z.string().url().optional(), p: z.number().int().positive().optional(), pn: z.string().optional() });
const stateSchema = z.object({
  [B.project]: z.object({ [B.projectAction]: z.object({ selected_options: z.array(z.object({ value: z.string().regex(/^\d+$/) })).nullish() }) }).optional(),
  [B.people]: z.object({ [B.peopleAction]: z.object({ selected_users: z.array(z.string()).nullish() }) }),
  [B.usergroup]: z.object({ [B.usergroupAction]: z.object({ selected_option: z.object({ value: z.string().min(1) }).nullish() }) }),
  [B.channel]: z.object({ [B.channelAction]: z.object({ selected_conversation: z.string().nullish() }) }),
  [B.schedule]: z.object({ [B.scheduleAction]: z.object({ selected_option: z.object({ value: z.enum(['daily', 'weekly']) }).nullish() }) }),
  [B.time]: z.object({ [B.timeAction]: z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/).nullish() }) }),
  [B.short]: z.object({ [B.shortAction]: z.object({ value: z.string().nullish() }) }),
  // optional: a form opened before the language select was added has none
  [LANGUAGE_BLOCK.block]: z.object({ [LANGUAGE_BLOCK.action]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) }).optional(),
  // optional: a form opened before the chart checkbox was added has none (the digest keeps what it had)
  [CHART_BLOCK.block]: z.object({ [CHART_BLOCK.action]: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }) }).optional(),
});

/** The form sent: mistakes come back on their field; else it is saved and the list card redrawn. */
function submitForm(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = metaSchema.safeParse(parseJsonText(view.private_metadata));
    const values = stateSchema.safeParse(view.state.values);
    // Answered in the ack: no Slack call before it.
    const t = await textsFor(services, tenantOfInteraction(body), body.user.id, { askSlack: false });
    if (!meta.success || !values.success || meta.data.u !== body.user.id) {
      await ack({ response_action: 'errors', errors: { [B.people]: t.t('digest.form.stale') } });
      return;
    }
    const v = values.data;
    const people = v[B.people][B.peopleAction].selected_users ?? [];
    const group = v[B.usergroup][B.usergroupAction].selected_option?.value;
    const projectId = v[B.project]?.[B.projectAction].selected_options?.[0]?.value;
    const shortText = v[B.short][B.shortAction].value?.trim() ?? '';
    const language = v[LANGUAGE_BLOCK.block]?.[LANGUAGE_BLOCK.action].selected_option?.value;
    const chart = v[CHART_BLOCK.block]?.[CHART_BLOCK.action];
    const short = shortText ? findDuration(/^\d+([.,]\d+)?$/.test(shortText) ? `${shortText}h` : shortText) : undefined;
    const errors: Record<string, string> = {};
    if ([people.length > 0, Boolean(group), Boolean(projectId)].filter(Boolean).length !== 1) {
      errors[B.people] = projectId === undefined && v[B.project] === undefined ? t.t('digest.form.pickOne') : t.t('digest.form.pickOneOrProject');
    }
    if (people.length > 500) errors[B.people] = t.t('digest.form.tooMany');
    if (shortText && (!short || 'problem' in short || short.minutes <= 0)) errors[B.short] = t.t('digest.form.badShort');
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
    await ack();
    const m = meta.data;
    const dm = answerAt(services.clients, services.clock.now(), { tenantKey: m.t, slackUserId: m.u }, DM);
    await afterAck(
      services,
      { tenantKey: m.t, slackUserId: m.u },
      async () => {
        const link = await services.linking.requireLink(m.t, m.u);
        if (!(await services.linking.isLead(link))) return;
        const { tz } = await zoneOf(services, link);
        const channel = v[B.channel][B.channelAction].selected_conversation;
        const saved = await services.digests.save(link, m.id, {
          audience: projectId ? { kind: 'project', corProjectId: Number(projectId) } : group ? { kind: 'usergroup', usergroupId: group } : { kind: 'people', slackUserIds: people },
          channelId: channel ?? m.u,
          schedule: v[B.schedule][B.scheduleAction].selected_option?.value ?? 'daily',
          localTime: v[B.time][B.timeAction].selected_time ?? '09:00',
          tz,
          shortUnderHours: short && !('problem' in short) ? short.minutes / 60 : null,
          language: language !== undefined && isLanguage(language) ? language : null,
          ...(chart ? { withChart: (chart.selected_options ?? []).some((o) => o.value === CHART_BLOCK.on) } : {}),
        });
        const t = await textsOfLink(services, link);
        const card = digestListCard(t, await services.digests.ofOwner(link), digestSavedNote(t, saved));
        if (m.r) await postToResponseUrl(m.r, { response_type: 'ephemeral', replace_original: true, ...card }).catch(() => undefined);
        else await dm(card);
      },
      (text: string) => dm({ text }),
    );
  };
}

/** Pause, Resume, Delete on the list card. */
function change(services: SlackServices, what: 'pause' | 'resume' | 'delete') {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const tell = (m: Message) =>
      args.body.response_url ? args.respond({ response_type: 'ephemeral', replace_original: true, ...m }) : args.client.chat.postMessage({ channel: args.body.user.id, text: m.text, blocks: m.blocks });
    // Their own digest: no role needed to pause or delete it (a lead who lost the role can still stop it); to resume, one is.
    const link =
      what === 'resume'
        ? await leadOf(services, tenantOfInteraction(args.body), args.body.user.id, tell)
        : await services.linking.requireLink(tenantOfInteraction(args.body), args.body.user.id).catch(() => undefined);
    const id = (args.action as ButtonAction).value;
    if (!link || !id) return;
    const done = what === 'delete' ? await services.digests.delete(link, id) : await services.digests.setPaused(link, id, what === 'pause');
    // Clicked on App Home (no response_url): Home is drawn again.
    if (!args.body.response_url) return void (await services.home.opened(services, args.client, link.tenantKey, link.slackUserId));
    const t = await textsOfLink(services, link);
    await tell(digestListCard(t, await services.digests.ofOwner(link), done ? t.t(what === 'delete' ? 'digest.deleted' : what === 'pause' ? 'digest.paused' : 'digest.resumed') : t.t('digest.gone')));
  };
}

const nudgeSchema = z.object({ d: z.string().min(1), p: z.string().regex(/^(daily|weekly):\d{4}-\d{2}-\d{2}$/), u: z.string().min(1).optional() });

/**
 * Nudge (one person) and Nudge everyone short: each gets the DM once a day, whoever asks; the lead hears who
 * was nudged, beside the digest (never in the channel).
 */
function nudge(services: SlackServices, everyone: boolean) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const value = nudgeSchema.safeParse(parseJsonText((args.action as ButtonAction).value));
    const tenantKey = tenantOfInteraction(args.body);
    const lead = { tenantKey, slackUserId: args.body.user.id };
    const tell = (text: string) =>
      args.body.response_url ? postToResponseUrl(args.body.response_url, { response_type: 'ephemeral', replace_original: false, text }) : args.client.chat.postMessage({ channel: lead.slackUserId, text });
    if (!value.success) return;
    // Only leads nudge (any lead of the workspace: whoever asks, a person gets one nudge a day).
    const link = await leadOf(services, tenantKey, lead.slackUserId, (m) => tell(m.text));
    if (!link) return;
    const t = await textsOfLink(services, link);
    await afterAck(
      services,
      lead,
      async () => {
        const { d, p } = value.data;
        const results = everyone ? await services.digests.nudgeAllShort(lead, d, p) : value.data.u ? [[value.data.u, await services.digests.nudge(lead, d, p, value.data.u)] as const] : [];
        const sent = results.filter(([, r]) => r === 'sent').map(([u]) => u);
        const already = results.filter(([, r]) => r === 'already').map(([u]) => u);
        const notShort = results.filter(([, r]) => r === 'not_short').map(([u]) => u);
        const names = (ids: string[]) => t.list(ids.map((id) => `<@${id}>`));
        const failed = results.filter(([, r]) => r === 'failed').map(([u]) => u);
        const unsure = results.filter(([, r]) => r === 'unsure').map(([u]) => u);
        const text = [
          sent.length > 0 ? t.t('digest.nudged.sent', { names: names(sent) }) : '',
          already.length > 0 ? t.t('digest.nudged.already', { names: names(already) }) : '',
          notShort.length > 0 ? t.t('digest.nudged.notShort', { names: names(notShort) }) : '',
          failed.length > 0 ? t.t('digest.nudged.failed', { names: names(failed) }) : '',
          unsure.length > 0 ? t.t('digest.nudged.unsure', { names: names(unsure) }) : '',
          results.length === 0 ? t.t('digest.nudged.nobodyShort') : '',
        ]
          .filter(Boolean)
          .join(' ');
        await tell(text || t.t('digest.nudged.nobody'));
      },
      tell,
    );
  };
}

/** "Send link" beside someone not linked to COR: they get the link card by DM. */
function sendLink(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const value = nudgeSchema.safeParse(parseJsonText((args.action as ButtonAction).value));
    if (!value.success || !value.data.u) return;
    const tenantKey = tenantOfInteraction(args.body);
    const person = value.data.u;
    const tell = (m: Message) => (args.body.response_url ? postToResponseUrl(args.body.response_url, { response_type: 'ephemeral', replace_original: false, ...m }) : Promise.resolve());
    // A lead of this workspace, from one of its digests.
    const link = await leadOf(services, tenantKey, args.body.user.id, tell);
    if (!link) return;
    if (!(await services.digests.hasMember(tenantKey, value.data.d, person))) return;
    const card = linkCard(await textsFor(services, tenantKey, person), { consentUrl: await services.linking.consentUrl(tenantKey, person), reason: 'not_linked' });
    await args.client.chat.postMessage({ channel: person, text: card.text, blocks: card.blocks });
    if (args.body.response_url) await postToResponseUrl(args.body.response_url, { response_type: 'ephemeral', replace_original: false, text: (await textsOfLink(services, link)).t('digest.sentLink', { user: person }) });
  };
}


/** The form's user group type-ahead: the workspace's groups. */
function usergroupOptions(services: SlackServices) {
  return async ({ ack, body, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const groups = await services.digests.userGroups(tenantOfInteraction(body)).catch(() => []);
    const q = options.value.trim().toLowerCase();
    const shown = groups.filter((g) => !q || g.name.toLowerCase().includes(q) || g.handle?.toLowerCase().includes(q)).slice(0, 100);
    await ack({ options: shown.map((g) => ({ text: { type: 'plain_text' as const, text: g.name.slice(0, 75) }, value: g.id })) });
  };
}

/** Digests for leads: `/cor digest`, its form and buttons, and the digest's Nudge and Send link buttons. */
export function registerDigests(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.digestNew, openForm(services));
  registry.action(ACTIONS.digestEdit, openForm(services));
  registry.action(ACTIONS.digestPause, change(services, 'pause'));
  registry.action(ACTIONS.digestResume, change(services, 'resume'));
  registry.action(ACTIONS.digestDelete, change(services, 'delete'));
  registry.action(ACTIONS.digestNudge, nudge(services, false));
  registry.action(ACTIONS.digestNudgeAll, nudge(services, true));
  registry.action(ACTIONS.digestSendLink, sendLink(services));
  registry.view(CALLBACKS.digest, submitForm(services));
  registry.options(B.usergroupAction, usergroupOptions(services));
  return { [SUBCOMMANDS.digest]: digestSubcommand(services) };
}
