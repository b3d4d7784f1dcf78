import { toUserMessage } from '../../errors.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { logCommandWork } from '../listeners/commands/log.ts';
import { type LogFormJob, logFormWork } from '../listeners/views/log-modal.ts';
import { logPendingWork } from '../listeners/actions/log.ts';
import { type ReminderClick, reminderLogWork } from '../listeners/actions/reminders.ts';
import type { PendingLog } from '../views/log.ts';
import type { SlashCommand } from '../payloads.ts';
import { postToResponseUrl } from '../respond.ts';
import type { SlackServices } from '../services.ts';

/**
 * Work that continues after an ack, described as plain data so that it can run in the background thread
 * (structured clone: plain objects and Dates only).
 */
export type BackgroundJob =
  | { kind: 'log_command'; command: SlashCommand; rest: string }
  | ({ kind: 'log_form' } & LogFormJob)
  | { kind: 'log_pending'; pending: PendingLog; responseUrl: string }
  | { kind: 'reminder_log'; click: ReminderClick; responseUrl: string };

/** What the background thread tells the request thread about, so its caches and pages follow. */
export type BackgroundEvent = { kind: 'wrote'; link: UserLinkRecord; start: Date };

/** What the request thread tells the background thread about, so its caches follow. */
export type RequestThreadEvent = { kind: 'task_changed'; link: UserLinkRecord; taskId: number };

/**
 * Runs one job to its end. A failure is logged and told to the person (in place of the command's answer,
 * or as a DM after a form), the same wherever the job runs.
 */
export async function runBackgroundJob(services: SlackServices, job: BackgroundJob): Promise<void> {
  try {
    switch (job.kind) {
      case 'log_command':
        return await logCommandWork(services, job.command, job.rest);
      case 'log_form':
        return await logFormWork(services, job);
      case 'log_pending':
        return await logPendingWork(services, job.pending, job.responseUrl);
      case 'reminder_log':
        return await reminderLogWork(services, job.click, job.responseUrl);
    }
  } catch (err) {
    services.logger.error({ err, job: job.kind }, 'background work failed');
    await tellFailure(services, job, toUserMessage(err)).catch((tellErr: unknown) => services.logger.warn({ err: tellErr }, 'could not tell the user about a failure'));
  }
}

async function tellFailure(services: SlackServices, job: BackgroundJob, text: string): Promise<void> {
  switch (job.kind) {
    case 'log_command':
      return postToResponseUrl(job.command.response_url, { response_type: 'ephemeral', replace_original: true, text });
    case 'log_pending':
      return postToResponseUrl(job.responseUrl, { response_type: 'ephemeral', replace_original: true, text });
    case 'reminder_log':
      return postToResponseUrl(job.responseUrl, { response_type: 'ephemeral', replace_original: false, text });
    case 'log_form': {
      const client = await services.clients.forTenant(job.tenantKey);
      await client.chat.postMessage({ channel: job.userId, text });
    }
  }
}
