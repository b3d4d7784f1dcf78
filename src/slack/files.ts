import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.ts';
import type { AltWords, Chart } from '../lib/charts.ts';

/** One file to share in a conversation: a chart's PNG, or a report's CSV (its text as UTF-8 bytes). */
export interface FileUpload {
  /** the channel or DM it is shared in; none: shared nowhere, for an image block to show (App Home's chart) */
  channel?: string;
  /** the thread it goes in, when it answers one (in `channel`) */
  threadTs?: string;
  /** with its extension, which tells Slack the kind: `hours.png`, `acme-november.csv` */
  filename: string;
  bytes: Buffer;
  /** shown above the file (Slack's default: the file name) */
  title?: string;
  /** an image's description for screen readers: its numbers in words */
  altText?: string;
  /** the message the file comes with */
  initialComment?: string;
}

/**
 * Shares a file through Slack's `files.uploadV2` sequence, as @slack/web-api does it: `files.getUploadURLExternal`
 * (name and length), a POST of the bytes to the URL it gives, then `files.completeUploadExternal` (the file with
 * `channel_id`, `thread_ts`, `initial_comment`). Needs the `files:write` scope. `client` is one of the one Slack
 * client factory's (slack-client.ts): each of the three calls is made once, with its timeout; a failure is thrown
 * for the caller to read with `slackFailureOf` and decide on (a call that broke off may have shared the file, and
 * another upload would show it twice). Answers Slack's id of the file (an image block's `slack_file: { id }`).
 */
export async function uploadFile(client: WebClient, upload: FileUpload): Promise<string> {
  const file = {
    filename: upload.filename,
    file: upload.bytes,
    ...(upload.title ? { title: upload.title } : {}),
    ...(upload.altText ? { alt_text: upload.altText } : {}),
    ...(upload.initialComment ? { initial_comment: upload.initialComment } : {}),
  };
  const done = await client.filesUploadV2(
    upload.channel === undefined ? file : upload.threadTs ? { ...file, channel_id: upload.channel, thread_ts: upload.threadTs } : { ...file, channel_id: upload.channel },
  );
  const id = done.files[0]?.files?.[0]?.id;
  if (!id) throw new AppError('slack_bad_response', 'files.completeUploadExternal answered no file id');
  return id;
}

/**
 * A chart drawn and shared (`upload` says where, as for `uploadFile`), with the alt text of its numbers (the kit's, in
 * the caller's words, or the caller's own): the one way
 * features draw one. ECharts and resvg are loaded the first time a chart is drawn, not by every process that starts
 * (the bot, the CLI); drawing takes tens of ms of CPU, so it belongs after an ack.
 */
export async function uploadChart(client: WebClient, chart: Chart, alt: AltWords | string, upload: Omit<FileUpload, 'bytes' | 'altText'>): Promise<{ fileId: string; altText: string }> {
  const charts = await import('../lib/charts.ts');
  const altText = typeof alt === 'string' ? alt : charts.altText(chart, alt);
  const fileId = await uploadFile(client, { ...upload, bytes: charts.renderChart(chart), altText });
  return { fileId, altText };
}
