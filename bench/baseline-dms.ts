/**
 * Baseline for the reminder sweep bench: the same number of DMs posted to the same fake Slack, in batches
 * as the sweep posts them, and nothing else (no store, no COR, no decisions). Prints one JSON line.
 * Usage: tsx bench/baseline-dms.ts <count> <slack api url>
 */
import { WebClient } from '@slack/web-api';
import { DEFAULT_WORKSPACE } from '../tools/fake-slack/server.ts';

const count = Number(process.argv[2]);
const client = new WebClient(DEFAULT_WORKSPACE.botToken, { slackApiUrl: process.argv[3] });
const BATCH = 250;
const started = performance.now();
for (let i = 0; i < count; i += BATCH) {
  await Promise.all(
    Array.from({ length: Math.min(BATCH, count - i) }, (_, j) =>
      client.chat.postMessage({ channel: `UBASE${i + j}`, text: 'Time to log your hours', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Time to log your hours' } }] }),
    ),
  );
}
process.stdout.write(`${JSON.stringify({ ms: Math.round(performance.now() - started), maxRssKb: process.resourceUsage().maxRSS })}\n`);
