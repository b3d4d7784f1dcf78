import type { CorApi } from '../../cor/client.ts';
import type { CorHour } from '../../cor/schemas.ts';
import { addDays } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { OutboxRepository, TimeEntryRequestRecord } from '../../store/outbox.ts';
import { DEFAULT_TZ } from '../linking.ts';
import { corInstant, type CorTimes, sameMinute, sameWallMinute, zoneOfEntry } from './cor-times.ts';

/**
 * The entry an earlier attempt wrote, when its answer was lost: same task and start, and not another request's
 * entry. COR's documents don't say whether its zone-less times are UTC or the person's COR zone, so the start
 * matches under either reading (the zone COR gives with the entry, else the person's Slack zone), until COR's own
 * answers told which one it uses.
 */
export async function findWritten(api: CorApi, link: UserLinkRecord, request: TimeEntryRequestRecord, times: CorTimes, outbox: Pick<OutboxRepository, 'hourIdsTaken'>): Promise<CorHour | undefined> {
  const day = request.start.toISOString().slice(0, 10);
  const hours = await api.allHours({ users: [link.corUserId], dateStart: addDays(day, -1), dateDeadline: addDays(day, 1) });
  // Start and stop under one reading (an entry one UTC offset away is another entry), the UTC reading first.
  const asUtc = (h: CorHour) => sameMinute(corInstant(h.start), request.start) && (!h.stop || sameMinute(corInstant(h.stop), request.stop));
  const asZone = (h: CorHour) => {
    const tz = zoneOfEntry(h, link.tz ?? DEFAULT_TZ);
    return sameWallMinute(h.start, request.start, tz) && (!h.stop || sameWallMinute(h.stop, request.stop, tz));
  };
  const ofTask = hours.filter((h) => (h.task_log_id ?? h.task?.id) === request.taskId);
  // Once COR's own answers told which reading it uses (see CorTimes.learn), only that one.
  const reading = times.reading(link.tenantKey);
  const alike = reading === 'utc' ? ofTask.filter(asUtc) : reading === 'zone' ? ofTask.filter(asZone) : [...ofTask.filter(asUtc), ...ofTask.filter((h) => !asUtc(h) && asZone(h))];
  const taken = await outbox.hourIdsTaken(alike.map((h) => h.id));
  return alike.find((h) => !taken.has(h.id));
}
