/**
 * `/cor log` through COR trouble, as whole processes: the bot (HTTP mode) and the fakes in processes of their
 * own, a share of COR's answers failing in every way (500, 503, 429 with Retry-After, no answer, malformed
 * JSON, written-but-the-answer-lost), N signed commands each for another day. It waits until the bot's outbox
 * has written everything it can, then counts at the fake COR: every day must hold exactly one entry.
 */
import { addDays } from '../src/lib/zoned.ts';
import { botEnv, freePort, SIGNING_SECRET, startBot } from '../tools/bot-process.ts';
import { startFakesProcess } from './fakes.ts';
import { SlackRequestSender } from '../tools/fake-slack/signed-requests.ts';
import { linkUser } from '../test/helpers/linking.ts';

export interface FaultsBenchResult {
  name: string;
  commands: number;
  ackErrors: number;
  /** COR answers to POST /hours that were not a clean 200 (or never came) */
  failedPosts: number;
  postsTotal: number;
  entries: number;
  days: number;
  lost: number;
  duplicated: number;
  settleSeconds: number;
}

/** Each kind of trouble on one in every N requests (the same share in every run). */
const POST_FAULTS = [
  { status: 500, every: 20 },
  { status: 503, every: 25 },
  { status: 429, retryAfter: '1', every: 30 },
  { hang: true, every: 40 },
  { malformed: true, every: 50 },
  { status: 502, afterHandling: true, every: 60 },
  { hang: true, afterHandling: true, every: 70 },
];
const BURST = 50;
const SETTLE_LIMIT_MS = 10 * 60_000;

export async function faultsBench(commands: number, progress: (line: string) => void): Promise<FaultsBenchResult> {
  const fakes = await startFakesProcess();
  const { urls, corAdmin } = fakes;
  const port = await freePort();
  // COR_TIMEOUT_MS: an unanswered request is given up on after 2 s, as an operator would set for a slow COR.
  const bot = await startBot(botEnv(urls, { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, COR_TIMEOUT_MS: '2000' }));
  try {
    const sender = new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, { newResponseUrl: () => `${urls.responseBase}R${Math.random().toString(36).slice(2)}` });
    await linkUser(sender, 'U01JANE', 2);
    for (const fault of POST_FAULTS) await postJson(`${corAdmin}/faults`, { method: 'POST', path: '/hours', ...fault });
    await postJson(`${corAdmin}/faults`, { method: 'GET', path: '/hours', status: 503, every: 10 });

    const started = performance.now();
    const dates = Array.from({ length: commands }, (_, i) => addDays(new Date().toISOString().slice(0, 10), -(i + 1)));
    let ackErrors = 0;
    for (let i = 0; i < commands; i += BURST) {
      const answers = await Promise.all(dates.slice(i, i + BURST).map((date, j) => sender.slashCommand({ text: `log 6m #48211 ${date}`, trigger_id: `faults.${i + j}` })));
      ackErrors += answers.filter((a) => a.status !== 200 || !a.text.includes('Logging')).length;
    }
    progress(`  ${commands} commands acknowledged in ${((performance.now() - started) / 1000).toFixed(1)} s; waiting for the outbox to write them all\n`);
    let written = await writtenAt(corAdmin);
    let lastReport = performance.now();
    while (written.days < commands && performance.now() - started < SETTLE_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      written = await writtenAt(corAdmin);
      if (performance.now() - lastReport > 15_000) {
        progress(`  ${written.days} of ${commands} days written after ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        lastReport = performance.now();
      }
    }
    const settleSeconds = (performance.now() - started) / 1000;
    // A late duplicate would come from a retry still under way: give in-flight attempts time to land.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    written = await writtenAt(corAdmin);
    const [postsTotal, cleanPosts] = await Promise.all([fakes.corCount('POST', '/hours'), fakes.corCount('POST', '/hours', 200)]);
    return {
      name: `/cor log through COR faults, whole processes`,
      commands,
      ackErrors,
      failedPosts: postsTotal - cleanPosts,
      postsTotal,
      entries: written.entries,
      days: written.days,
      lost: commands - written.days,
      duplicated: written.entries - written.days,
      settleSeconds,
    };
  } finally {
    await bot.stop();
    fakes.stop();
  }
}

async function postJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}

async function writtenAt(corAdmin: string): Promise<{ entries: number; days: number; maxPerDay: number }> {
  return (await (await fetch(`${corAdmin}/written?user_id=2`)).json()) as { entries: number; days: number; maxPerDay: number };
}
