import type { HttpRoute } from '../routes.ts';

/** What the metrics page reads (main.ts passes the store's counter). */
export interface MetricsSources {
  storeQueries(): number;
}

/**
 * GET /metrics: Prometheus text for operators (and the bench, which reads CPU and store queries per request):
 * process CPU and memory, statements sent to the store.
 */
export function metricsRoute(sources: MetricsSources): HttpRoute {
  return {
    method: 'GET',
    path: '/metrics',
    handler(_req, res) {
      const cpu = process.cpuUsage();
      const lines = [
        '# TYPE process_cpu_seconds_total counter',
        `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
        '# TYPE process_resident_memory_bytes gauge',
        `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
        '# TYPE cor_slack_store_queries_total counter',
        `cor_slack_store_queries_total ${sources.storeQueries()}`,
      ];
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${lines.join('\n')}\n`);
    },
  };
}
