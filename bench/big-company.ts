/**
 * A company of `people` for the reminder sweep bench: the demo company plus generated people over three
 * zones, with a known mix of full days, half days, leaves and empty days on each bench date, so the DMs due
 * are known in advance.
 */
import type { Store } from '../src/store/index.ts';
import { demoSeed, type Seed } from '../tools/fake-cor/seed.ts';

const BIG_FIRST_ID = 1_000;
const BIG_ZONES = ['America/Argentina/Buenos_Aires', 'Europe/London', 'America/New_York'];

type DayKind = 'full' | 'half_logged' | 'leave' | 'half_leave_done' | 'empty';

/** What person `i` did on any bench date. */
function dayKind(i: number): DayKind {
  if (i % 50 === 2) return 'leave';
  if (i % 50 === 3) return 'half_leave_done';
  if (i % 10 === 0) return 'full';
  if (i % 10 === 1) return 'half_logged';
  return 'empty';
}

/** Is a DM due for person `i` (short of their target, not on leave)? */
export function isDue(i: number): boolean {
  const kind = dayKind(i);
  return kind === 'half_logged' || kind === 'empty';
}

const pad = (n: number) => String(n).padStart(2, '0');

export function bigCompanySeed(people: number, dates: string[]): Seed {
  const seed = demoSeed();
  let hourId = 500_000;
  let leaveId = 800_000;
  for (let i = 0; i < people; i++) {
    const id = BIG_FIRST_ID + i;
    seed.users.push({ id, first_name: 'Bench', last_name: `Person ${i}`, email: `bench${i}@acme.example`, role_id: 4, daily_hours: 8, gmt: '-03:00', hidden: false, password: 'demo' });
    for (const date of dates) {
      const kind = dayKind(i);
      // 15:00-23:00 UTC lies inside the same local date in all three zones.
      const hour = (from: number, to: number) =>
        seed.hours.push({ id: hourId++, user_id: id, task_log_id: 48216, start: `${date} ${pad(from)}:00:00`, stop: `${date} ${pad(to)}:00:00`, comments: null, created_at: `${date} ${pad(to)}:00:00` });
      if (kind === 'full') hour(14, 22);
      if (kind === 'half_logged') hour(14, 18);
      if (kind === 'half_leave_done') hour(14, 18);
      if (kind === 'leave') seed.leaves.push({ id: leaveId++, user_id: id, start: `${date}T00:00:00.000Z`, end: `${date}T23:59:59.000Z`, all_day: true, leave_type: { id: 12, name: 'flexday' } });
      if (kind === 'half_leave_done') seed.leaves.push({ id: leaveId++, user_id: id, start: `${date}T19:00:00.000Z`, end: `${date}T23:00:00.000Z`, all_day: false, leave_type: { id: 13, name: 'Medical' } });
    }
  }
  return seed;
}

/** Stores the links of bench people 0..people-1 (Slack ids UB0…), spread over the bench zones. */
export async function linkBenchPeople(store: Pick<Store, 'links'>, people: number): Promise<void> {
  for (let i = 0; i < people; i++) {
    await store.links.upsert({
      tenantKey: 'T:T0DEMO',
      slackUserId: `UB${i}`,
      corUserId: BIG_FIRST_ID + i,
      corName: `Bench Person ${i}`,
      tz: BIG_ZONES[i % BIG_ZONES.length] as string,
      tokens: { accessToken: `at-${i}`, refreshToken: `rt-${i}`, expiresAt: new Date('2026-11-23T00:00:00Z') },
    });
  }
}
