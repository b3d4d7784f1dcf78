import type { HttpRoute } from '../routes.ts';

/** What the metrics page reads (main.ts passes the store's counter). */
export interface MetricsSources {
  storeQueries(): number;
  /** how late the event loop ran its timers since the last scrape (p99 and max, ms); a stall shows here */
  eventLoopDelay(): { p99Ms: number; maxMs: number };
}

/**
 * GET /metrics: Prometheus text for operators (and the bench, which reads CPU and store queries per request):
 * process CPU and memory, statements sent to the store, and the event loop's delay since the last scrape (one
 * input or job that holds the loop shows as a max of seconds: no acks, sweeps or outbox passes meanwhile).
 */
export function metricsRoute(sources: MetricsSources): HttpRoute {
  return {
    method: 'GET',
    path: '/metrics',
    handler(_req, res) {
      const cpu = process.cpuUsage();
      const loop = sources.eventLoopDelay();
      const lines = [
        '# TYPE process_cpu_seconds_total counter',
        `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
        '# TYPE process_resident_memory_bytes gauge',
        `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
        '# TYPE cor_slack_store_queries_total counter',
        `cor_slack_store_queries_total ${sources.storeQueries()}`,
        '# TYPE nodejs_eventloop_delay_p99_seconds gauge',
        `nodejs_eventloop_delay_p99_seconds ${loop.p99Ms / 1000}`,
        '# TYPE nodejs_eventloop_delay_max_seconds gauge',
        `nodejs_eventloop_delay_max_seconds ${loop.maxMs / 1000}`,
      ];
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${lines.join('\n')}\n`);
    },
  };
}
