import type { CorApi } from '../cor/client.ts';
import type { CorTask } from '../cor/schemas.ts';
import type { Clock } from '../lib/clock.ts';
import { SingleFlight } from '../lib/single-flight.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { TaskCandidate } from './task-match.ts';

/** A task with the names the person recognises it by. */
export interface TaskView extends TaskCandidate {
  id: number;
  title: string;
  status: string | undefined;
  priority: number | undefined;
  deadline: string | undefined;
  projectId: number | undefined;
  project: string | undefined;
  client: string | undefined;
}

export const DONE_STATUS = 'finalizada';

/** How long a person's open-task list is reused (type-ahead, matching); their own writes invalidate it. */
const OPEN_TASKS_TTL_MS = 2 * 60_000;
/** Project and client names change rarely. */
const NAMES_TTL_MS = 10 * 60_000;

/**
 * A person's open tasks (COR `collaborator` = them, not finalizada), with project and client names,
 * cached per person so that matching and type-ahead answer without waiting on COR.
 */
export class TaskDirectory {
  readonly #clock: Clock;
  readonly #open = new Map<string, { at: number; tasks: TaskView[] }>();
  readonly #names = new Map<string, { at: number; projects: Map<number, { name: string; client: string | undefined }> }>();
  readonly #flights = new SingleFlight<TaskView[]>();
  readonly #nameFlights = new SingleFlight<Map<number, { name: string; client: string | undefined }>>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  async openTasks(link: UserLinkRecord, api: CorApi): Promise<TaskView[]> {
    const now = this.#clock.now().getTime();
    const cached = this.#open.get(link.id);
    if (cached && now - cached.at < OPEN_TASKS_TTL_MS) return cached.tasks;
    return this.#flights.run(link.id, async () => {
      const [tasks, names] = await Promise.all([api.allTasks({ filters: { collaborator: link.corUserId }, order: { deadline: 'ASC' } }), this.#projectNames(link, api)]);
      const open = tasks.filter((t) => t.status !== DONE_STATUS && !t.archived).map((t) => this.#view(t, names));
      this.#open.set(link.id, { at: this.#clock.now().getTime(), tasks: open });
      return open;
    });
  }

  /** The cached list only (never waits on COR): for Slack's 3-second options requests. */
  cachedOpenTasks(link: UserLinkRecord): TaskView[] | undefined {
    return this.#open.get(link.id)?.tasks;
  }

  invalidate(link: UserLinkRecord): void {
    this.#open.delete(link.id);
  }

  async task(link: UserLinkRecord, api: CorApi, taskId: number): Promise<TaskView> {
    const known = this.#open.get(link.id)?.tasks.find((t) => t.id === taskId);
    if (known) return known;
    const [task, names] = await Promise.all([api.getTask(taskId), this.#projectNames(link, api)]);
    return this.#view(task, names);
  }

  #view(t: CorTask, names: Map<number, { name: string; client: string | undefined }>): TaskView {
    const projectId = t.project_id ?? t.project?.id ?? undefined;
    const named = projectId === undefined ? undefined : names.get(projectId);
    return {
      id: t.id,
      title: t.title,
      status: t.status ?? undefined,
      priority: t.priority ?? undefined,
      deadline: t.deadline ?? undefined,
      projectId,
      project: t.project?.name ?? named?.name,
      client: t.project?.client?.name ?? named?.client,
    };
  }

  async #projectNames(link: UserLinkRecord, api: CorApi) {
    const now = this.#clock.now().getTime();
    const cached = this.#names.get(link.tenantKey);
    if (cached && now - cached.at < NAMES_TTL_MS) return cached.projects;
    return this.#nameFlights.run(link.tenantKey, async () => {
      const projects = new Map<number, { name: string; client: string | undefined }>();
      for (let page = 1; page <= 50; page++) {
        const answer = await api.listProjects({ page, perPage: 100 });
        for (const p of answer.data) projects.set(p.id, { name: p.name, client: p.client?.name });
        if (page >= (answer.lastPage ?? 1) || answer.data.length === 0) break;
      }
      this.#names.set(link.tenantKey, { at: this.#clock.now().getTime(), projects });
      return projects;
    });
  }
}
