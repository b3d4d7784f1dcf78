import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { ParsedLog } from '../../domain/parse/log-command.ts';
import { AppError } from '../../errors.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { ReminderDeliveryRecord } from '../../store/reminders.ts';
import type { Message } from '../blocks.ts';
import { bentNotLoggedMessage, outcomeMessage, taskNotFoundMessage } from '../entry-answers.ts';
import { tenantOfInteraction, parseJsonText } from '../payloads.ts';
import { textsFor, textsOfLink, zoneOf } from '../person.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { ACCEPTED } from '../ids.ts';
import { DM, storedAnswerPlace } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { reminderSettingsModal, reminderSkippedMessage, reminderSnoozedMessage } from './blocks.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const valueSchema = z.object({ d: z.string().min(1).max(64), t: z.number().int().positive().optional() });

/** Who clicked which reminder button. */
interface ReminderClick {
  tenantKey: string;
  userId: string;
  actionId: string;
  value?: string | undefined;
}

function clickOf(args: ActionArgs): ReminderClick {
  const action = args.action as ButtonAction;
  return { tenantKey: tenantOfInteraction(args.body), userId: args.body.user.id, actionId: action.action_id, value: action.value };
}

/**
 * The clicker's link and the delivery the button names, which must be theirs: a forged or forwarded value
 * naming someone else's reminder is refused (logged, nothing answered).
 */
async function ownDelivery(services: SlackServices, click: ReminderClick): Promise<{ link: UserLinkRecord; delivery: ReminderDeliveryRecord; taskId: number | undefined } | undefined> {
  const value = valueSchema.safeParse(parseJsonText(click.value));
  const link = value.success ? await services.linking.requireLink(click.tenantKey, click.userId).catch(() => undefined) : undefined;
  const delivery = value.success && link ? await services.reminders.deliveryOf(link, value.data.d) : undefined;
  if (!value.success || !link || !delivery) {
    services.logger.warn({ user: click.userId, action: click.actionId }, 'refused a reminder button');
    return undefined;
  }
  return { link, delivery, taskId: value.data.t };
}

/** Replaces the reminder DM itself (the message the button is in). */
async function redraw(args: ActionArgs, message: Message): Promise<void> {
  await args.respond({ replace_original: true, ...message });
}

/** "Log 1h" on a recent task: one entry on the reminder's date, once per DM and task; recorded before the ack. */
function logTask(services: SlackServices, accept: Accept<StoredClick>) {
  return async (args: ActionArgs): Promise<void> => {
    const responseUrl = args.body.response_url;
    if (!responseUrl) return void (await args.ack());
    const click = clickOf(args);
    await accept(services, { who: { tenantKey: click.tenantKey, slackUserId: click.userId }, requestId: `${click.userId}:${click.value ?? ''}`, payload: { ...click, responseUrl } }, () => args.ack());
  };
}

const clickSchema = z.object({ tenantKey: z.string().min(1), userId: z.string().min(1), actionId: z.string().min(1), value: z.string().optional(), responseUrl: z.string().url().optional() });
type StoredClick = z.infer<typeof clickSchema>;

/**
 * After "Log 1h" was acknowledged (right after, or on another instance after a crash): checks the button, writes,
 * answers beside the reminder DM, never in place of it ("✓ Logged" later too).
 */
export const reminderLogWork: AcceptedWork<StoredClick> = {
  kind: ACCEPTED.reminderLog,
  payload: clickSchema,
  answer: ({ responseUrl }, acceptedAt) => (responseUrl ? { kind: 'response_url', url: responseUrl, replace: false, since: acceptedAt } : DM),
  run: logOneHour,
};

async function logOneHour(services: SlackServices, { payload: stored, place, respond: reply }: AcceptedRun<StoredClick>): Promise<void> {
  const own = await ownDelivery(services, stored);
  if (!own?.taskId) return;
  const { link, delivery, taskId } = own;
  const { tz } = await zoneOf(services, link);
  const parsed: ParsedLog = {
    date: delivery.aboutDate ?? delivery.localDate,
    dateSource: 'explicit',
    span: { kind: 'duration', minutes: 60 },
    task: { kind: 'id', id: taskId },
    note: undefined,
    language: 'en',
  };
  const resolution = await services.entries.resolve(link, parsed, tz);
  const t = await textsOfLink(services, link);
  if (resolution.kind === 'task_not_found') return void (await reply(taskNotFoundMessage(t, resolution.taskId)));
  if (resolution.kind === 'confirm') return void (await reply(bentNotLoggedMessage(t, resolution.proposal, tz)));
  if (resolution.kind !== 'ready') return;
  const outcome = await services.entries.submit(link, resolution.proposal, `remind:${delivery.id}:${taskId}`, storedAnswerPlace(place));
  await reply(await outcomeMessage(services, link, resolution.proposal, outcome, tz));
}

function snooze(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const own = await ownDelivery(services, clickOf(args));
    if (!own) return;
    const until = await services.reminders.snooze(own.link, own.delivery.id);
    if (!until) return;
    const { tz } = await zoneOf(services, own.link);
    await redraw(args, reminderSnoozedMessage(await textsOfLink(services, own.link), until, tz));
  };
}

function skip(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const own = await ownDelivery(services, clickOf(args));
    if (!own) return;
    const date = await services.reminders.skip(own.link, own.delivery.id);
    if (date) await redraw(args, reminderSkippedMessage(await textsOfLink(services, own.link), date));
  };
}

/** "Settings" (DM, settings card, App Home): the settings form, opened before the trigger runs out. */
function openSettings(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const tenantKey = tenantOfInteraction(args.body);
    let link: UserLinkRecord;
    try {
      link = await services.linking.requireLink(tenantKey, args.body.user.id);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'not_linked' || err.code === 'needs_relink')) {
        const consentUrl = await services.linking.consentUrl(tenantKey, args.body.user.id);
        const t = await textsFor(services, tenantKey, args.body.user.id);
        if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: false, text: t.t('remind.linkFirst', { url: consentUrl }) });
        return;
      }
      throw err;
    }
    const setting = await services.reminders.settings(link);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: reminderSettingsModal(await textsOfLink(services, link), setting, JSON.stringify({ t: tenantKey, u: args.body.user.id })) });
  };
}

export const reminderActions = { logTask, snooze, skip, openSettings };
