/** Fake COR and fake Slack started in a process of their own (`fakes-process.ts`), for the whole-process benches. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type FakeAddresses, TSX_CLI } from '../tools/bot-process.ts';

interface FakeUrls extends FakeAddresses {
  responseBase: string;
  corPort: number;
}

export interface FakesProcess {
  child: ChildProcess;
  urls: FakeUrls;
  /** the fake COR's admin routes (faults, counts) */
  corAdmin: string;
  /** answered COR requests of one route, e.g. ('POST', '/hours', 200) */
  corCount(method: string, route: string, status?: number): Promise<number>;
  stop(): void;
}

export async function startFakesProcess(): Promise<FakesProcess> {
  const child = spawn(process.execPath, [TSX_CLI, fileURLToPath(new URL('./fakes-process.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<FakeUrls>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as FakeUrls);
    });
    child.once('exit', (code) => reject(new Error(`fakes exited with ${code}`)));
  });
  const corAdmin = `http://127.0.0.1:${urls.corPort}/__fake`;
  return {
    child,
    urls,
    corAdmin,
    async corCount(method, route, status) {
      const query = new URLSearchParams({ method, route, ...(status === undefined ? {} : { status: String(status) }) });
      return ((await (await fetch(`${corAdmin}/count?${query}`)).json()) as { count: number }).count;
    },
    stop: () => void child.kill('SIGTERM'),
  };
}
