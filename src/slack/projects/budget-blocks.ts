import type { BudgetAlert, BudgetFacts, BudgetStatus } from '../../domain/budget.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { AltWords, BurnChart } from '../../lib/charts.ts';
import { type Message, plain, progressBar, section } from '../blocks.ts';

const percents = (t: Texts, thresholds: readonly number[]) => t.list(thresholds.map((n) => `${t.number(n)}%`));

/** The lines under the headline: the last 7 days' burn, when the estimate is reached, the top tasks and people. */
function details(t: Texts, f: BudgetFacts): Message['blocks'] {
  const reach = f.logged >= f.estimate ? t.t('budget.reach.done') : f.reachDate ? t.t('budget.reach.date', { date: `${t.day(f.reachDate)} ${f.reachDate.slice(0, 4)}` }) : t.t('budget.reach.none');
  const items = (rows: { label: string; hours: number }[]) => t.list(rows.map((r) => t.t('budget.item', { name: plain(r.label), hours: t.hours(r.hours) })));
  const lines = [`${progressBar(f.logged, f.estimate, 10)} ${t.t('budget.week', { hours: t.hours(f.weekHours) })} ${reach}`];
  if (f.topTasks.length > 0) lines.push(t.t('budget.topTasks', { list: items(f.topTasks.map((x) => ({ label: x.title, hours: x.hours }))) }));
  if (f.topPeople.length > 0) lines.push(t.t('budget.topPeople', { list: items(f.topPeople.map((x) => ({ label: x.name, hours: x.hours }))) }));
  return [section(lines.join('\n'))];
}

const numbers = (t: Texts, f: BudgetFacts) => ({ project: plain(f.projectName), logged: t.hours(f.logged), estimate: t.hours(f.estimate), percent: t.number(f.percent) });

/** The alert in the project's channel when its hours cross a threshold of the estimate. Pure. */
export function budgetAlertMessage(t: Texts, alert: BudgetAlert): Message {
  const headline = t.t('budget.alert.headline', { ...numbers(t, alert.facts), threshold: t.number(alert.threshold) });
  return { text: headline, blocks: [section(headline), ...details(t, alert.facts)] };
}

/**
 * The alert's burn chart: hours logged so far day by day (the hours before its first day counted on that day)
 * against the estimate, with its title and the words its alt text says the numbers in. Pure; drawing it and its alt
 * text (lib/charts.ts, loaded only when a chart is drawn) are the caller's.
 */
export function budgetChart(t: Texts, f: BudgetFacts): { chart: BurnChart; title: string; altWords: AltWords } {
  const title = t.t('budget.chart.title', { project: f.projectName, days: t.number(f.daily.length) });
  const chart: BurnChart = {
    kind: 'burn',
    direction: 'up',
    title,
    periods: f.daily.map((d) => t.day(d.date)),
    logged: f.daily.map((d, i) => d.hours + (i === 0 ? f.before : 0)),
    estimate: f.estimate,
    labels: { logged: t.t('budget.chart.logged'), remaining: t.t('budget.chart.remaining'), estimate: t.t('budget.chart.estimate') },
    format: (v) => t.t('budget.chart.hours', { hours: t.number(Math.round(v * 10) / 10) }),
  };
  return { chart, title, altWords: { amount: (label, value) => t.t('budget.chart.amount', { label, value }), list: (items) => t.list(items) } };
}

/** `/cor project status`: the same numbers on demand, and the channel's alert thresholds. Pure. */
export function budgetStatusMessage(t: Texts, status: BudgetStatus): Message {
  if (status.kind === 'no_project') {
    const text = t.t('budget.status.noProject');
    return { text, blocks: [section(text)] };
  }
  if (status.kind === 'no_estimate') {
    const text = t.t('budget.status.noEstimate', { project: plain(status.projectName), logged: t.hours(status.logged) });
    return { text, blocks: [section(text)] };
  }
  const headline = t.t('budget.status.headline', numbers(t, status.facts));
  const alerts = status.thresholds.length > 0 ? t.t('budget.status.alerts', { list: percents(t, status.thresholds) }) : t.t('budget.status.alertsOff');
  return { text: headline, blocks: [section(headline), ...details(t, status.facts), { type: 'context', elements: [{ type: 'mrkdwn', text: alerts }] }] };
}

/** What `/cor project alerts …` set. */
export function budgetThresholdsSaved(t: Texts, thresholds: readonly number[]): string {
  return thresholds.length > 0 ? t.t('budget.alerts.saved', { list: percents(t, thresholds) }) : t.t('budget.alerts.off');
}
