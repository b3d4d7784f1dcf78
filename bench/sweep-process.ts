/**
 * One sweep as a whole process (`cor-slack <reminders|digests> run --at … --json`), after a baseline process that
 * only posts as many messages, with what the fakes saw of it. Shared by the reminder and digest sweep benches.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLI, CLI_NODE_ARGS, REPO, TSX_CLI } from '../tools/bot-process.ts';
import type { FakeCor } from '../tools/fake-cor/server.ts';
import type { FakeSlack } from '../tools/fake-slack/server.ts';

const run = promisify(execFile);
const BASELINE = fileURLToPath(new URL('./baseline-dms.ts', import.meta.url));

interface SweepReportJson {
  ms: number;
  maxRssKb: number;
  sent: number;
  delayed: number;
  failed: number;
}

export interface MeasuredSweep {
  report: SweepReportJson;
  /** the whole sweep process, wall time */
  processMs: number;
  /** the baseline process: only posting `baselinePosts` messages */
  baselineMs: number;
  /** COR requests the sweep made (token requests aside) */
  corRequests: number;
  /** messages Slack received from the sweep */
  posted: number;
}

export async function measureSweep(opts: { cor: FakeCor; slack: FakeSlack; dir: string; env: Record<string, string>; args: string[]; baselinePosts: number; log: (line: string) => void }): Promise<MeasuredSweep> {
  const base = JSON.parse((await run(process.execPath, [TSX_CLI, BASELINE, String(opts.baselinePosts), opts.slack.apiUrl], { cwd: REPO })).stdout) as { ms: number };
  const exchangesBefore = opts.cor.exchanges.length;
  const postsBefore = opts.slack.callsTo('chat.postMessage').length;
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, [...CLI_NODE_ARGS, CLI, ...opts.args, '--json'], { cwd: opts.dir, env: opts.env, maxBuffer: 256 * 1024 * 1024 });
  const processMs = performance.now() - started;
  if (stderr.trim()) opts.log(stderr);
  return {
    report: JSON.parse(stdout) as SweepReportJson,
    processMs,
    baselineMs: base.ms,
    corRequests: opts.cor.exchanges.slice(exchangesBefore).filter((x) => !x.path.startsWith('/oauth')).length,
    posted: opts.slack.callsTo('chat.postMessage').length - postsBefore,
  };
}
