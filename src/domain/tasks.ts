import { LRUCache } from 'lru-cache';
import type { CorApi } from '../cor/client.ts';
import type { CorTask } from '../cor/schemas.ts';
import { cacheOptions, PER_PERSON_MAX, PER_TENANT_MAX } from '../lib/cache.ts';
import type { Clock } from '../lib/clock.ts';
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

const DONE_STATUS = 'finalizada';
/** COR's own statuses, in workflow order; a tenant may add its own (shown as they are, never refused). */
const COR_STATUSES = ['nueva', 'en_proceso', 'estancada', 'finalizada'] as const;

/** A task to make: its description and deadline (ISO date-time) are written right after it is made. */
export interface NewTaskDraft {
  title: string;
  projectId: number;
  description?: string | undefined;
  deadline?: string | undefined;
}

export interface TaskChange {
  status?: string | undefined;
  priority?: number | undefined;
}

/** How long a person's open-task list is reused (type-ahead, matching); their own writes invalidate it. */
const OPEN_TASKS_TTL_MS = 2 * 60_000;
/** Project and client names change rarely. */
const NAMES_TTL_MS = 10 * 60_000;

type ProjectNames = Map<number, { name: string; client: string | undefined }>;

/** A person's open-task list as read at `at`; `stale` once their own write may have changed it. */
interface OpenList {
  at: number;
  tasks: TaskView[];
  stale: boolean;
}

/** What a load needs that its key does not say. */
interface Asker {
  link: UserLinkRecord;
  api: CorApi;
}

/**
 * A person's open tasks (COR `collaborator` = them, not finalizada), with project and client names,
 * cached per person so that matching and type-ahead answer without waiting on COR.
 */
export class TaskDirectory {
  readonly #clock: Clock;
  /**
   * By link id. Fresh for OPEN_TASKS_TTL_MS; after that (or after `invalidate`) the next `openTasks` reads COR
   * again, while the last list still answers type-ahead and names: it stays until it is replaced or evicted,
   * also when reading it again fails.
   */
  readonly #open: LRUCache<string, OpenList, Asker>;
  /** project and client names, by tenant */
  readonly #names: LRUCache<string, ProjectNames, Asker>;
  /** single tasks read by id (`#48211`), by `linkId:taskId`: a name and project change rarely */
  readonly #byId: LRUCache<string, TaskView, Asker & { taskId: number }>;


  constructor(clock: Clock) {
    this.#clock = clock;
    this.#open = new LRUCache({
      ...cacheOptions(clock, PER_PERSON_MAX, OPEN_TASKS_TTL_MS),
      noDeleteOnFetchRejection: true,
      fetchMethod: async (_linkId, _stale, { context: { link, api } }) => {
        const [tasks, names] = await Promise.all([api.allTasks({ filters: { collaborator: link.corUserId }, order: { deadline: 'ASC' } }), this.#projectNames(link, api)]);
        const open = tasks.filter((t) => t.status !== DONE_STATUS && !t.archived).map((t) => this.#view(t, names));
        return { at: this.#clock.now().getTime(), tasks: open, stale: false };
      },
    });
    this.#names = new LRUCache({
      ...cacheOptions(clock, PER_TENANT_MAX, NAMES_TTL_MS),
      fetchMethod: async (_tenantKey, _stale, { context: { api } }) => {
        const projects: ProjectNames = new Map();
        for (let page = 1; page <= 50; page++) {
          const answer = await api.listProjects({ page, perPage: 100 });
          for (const p of answer.data) projects.set(p.id, { name: p.name, client: p.client?.name });
          if (page >= (answer.lastPage ?? 1) || answer.data.length === 0) break;
        }
        return projects;
      },
    });
    this.#byId = new LRUCache({
      ...cacheOptions(clock, PER_PERSON_MAX, NAMES_TTL_MS),
      fetchMethod: async (_key, _stale, { context: { link, api, taskId } }) => {
        const [task, names] = await Promise.all([api.getTask(taskId), this.#projectNames(link, api)]);
        return this.#view(task, names);
      },
    });
  }

  async openTasks(link: UserLinkRecord, api: CorApi): Promise<TaskView[]> {
    // A list marked stale is read again though its time is not up (a read under way is joined, not repeated).
    const forceRefresh = this.#open.peek(link.id)?.stale ?? false;
    return (await this.#open.forceFetch(link.id, { context: { link, api }, forceRefresh })).tasks;
  }

  /** The cached list only (never waits on COR): for Slack's 3-second options requests. */
  cachedOpenTasks(link: UserLinkRecord): TaskView[] | undefined {
    return this.#lastList(link)?.tasks;
  }

  /**
   * After the person's own write: the list is read again next time it is needed whole (COR may have moved a
   * task on), but a task's name and project are still known from it for a while (no COR read per entry).
   */
  invalidate(link: UserLinkRecord): void {
    const cached = this.#lastList(link);
    if (cached) cached.stale = true;
  }

  /** A task changed (here or elsewhere): the person's list is read again, and that task too. */
  #forget(link: UserLinkRecord, taskId: number): void {
    this.invalidate(link);
    this.#byId.delete(`${link.id}:${taskId}`);
  }

  async task(link: UserLinkRecord, api: CorApi, taskId: number): Promise<TaskView> {
    const cached = this.#lastList(link);
    const known = cached && this.#clock.now().getTime() - cached.at < NAMES_TTL_MS ? cached.tasks.find((t) => t.id === taskId) : undefined;
    if (known) return known;
    return this.#byId.forceFetch(`${link.id}:${taskId}`, { context: { link, api, taskId } });
  }

  /** The person's last list read, however old (past its time included). */
  #lastList(link: UserLinkRecord): OpenList | undefined {
    return this.#open.peek(link.id, { allowStale: true });
  }

  /**
   * The statuses a person can pick for a task: COR's four, then any other status their tasks carry (a tenant's
   * own), and the task's current one whatever it is.
   */
  statusOptions(link: UserLinkRecord, current: string | undefined): string[] {
    const seen = (this.#lastList(link)?.tasks ?? []).map((t) => t.status).filter((s): s is string => typeof s === 'string' && s !== '');
    return [...new Set<string>([...COR_STATUSES, ...seen, ...(current ? [current] : [])])];
  }

  /**
   * Changes a task's status and/or priority. COR's contract requires the title on every PUT, so the current
   * one is read first and sent back unchanged.
   */
  async change(link: UserLinkRecord, api: CorApi, taskId: number, change: TaskChange): Promise<TaskView> {
    const [current, names] = await Promise.all([api.getTask(taskId), this.#projectNames(link, api)]);
    const updated = await api.updateTask(taskId, {
      title: current.title,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.priority !== undefined ? { priority: change.priority } : {}),
    });
    this.#forget(link, taskId);
    // Some COR answers to PUT omit the project: keep what the task had.
    return this.#view({ ...current, ...updated, project: updated.project ?? current.project, project_id: updated.project_id ?? current.project_id }, names);
  }

  /**
   * A task made as the person. COR's `POST /tasks` takes a title and a project only, so a description and a
   * deadline follow in a PUT (safe to repeat); `detailsSaved` is false when COR took the task but not that PUT.
   */
  async create(link: UserLinkRecord, api: CorApi, draft: NewTaskDraft): Promise<{ task: TaskView; detailsSaved: boolean }> {
    const created = await api.createTask({ title: draft.title, project_id: draft.projectId });
    this.invalidate(link);
    let task: CorTask = { ...created, project_id: created.project_id ?? draft.projectId };
    let detailsSaved = true;
    if (draft.description !== undefined || draft.deadline !== undefined) {
      try {
        const updated = await api.updateTask(created.id, {
          title: created.title,
          ...(draft.description === undefined ? {} : { description: draft.description }),
          ...(draft.deadline === undefined ? {} : { deadline: draft.deadline }),
        });
        task = { ...task, ...updated, project_id: updated.project_id ?? task.project_id, project: updated.project ?? task.project };
      } catch {
        detailsSaved = false;
      }
    }
    // The task exists whatever happens now: without names it is still told by its title.
    const names = await this.#projectNames(link, api).catch((): ProjectNames => new Map());
    return { task: this.#view(task, names), detailsSaved };
  }

  /**
   * The task an earlier attempt made from a message, when its end was lost (the instance stopped): in the project,
   * newest first (pages followed until found), with the same title and a description holding `marker` (the
   * message's permalink, which only that task's description carries).
   */
  async madeFrom(link: UserLinkRecord, api: CorApi, draft: { title: string; projectId: number }, marker: string): Promise<TaskView | undefined> {
    const found = await api.firstTask({ filters: { projects: draft.projectId }, order: { datetime: 'DESC' } }, (t) => t.title === draft.title && (t.description ?? '').includes(marker));
    if (!found) return undefined;
    const names = await this.#projectNames(link, api).catch((): ProjectNames => new Map());
    return this.#view({ ...found, project_id: found.project_id ?? draft.projectId }, names);
  }

  /** Whether a message holding `marker` (a Slack message's permalink) is already on the task. */
  async hasMessage(api: CorApi, taskId: number, marker: string): Promise<boolean> {
    return (await api.taskMessages(taskId)).some((m) => (m.message ?? '').includes(marker));
  }

  /** Posts a message on a task (its conversation in COR) as the person; the task as it was read for it. */
  async addMessage(link: UserLinkRecord, api: CorApi, taskId: number, message: string): Promise<TaskView> {
    const task = await this.task(link, api, taskId);
    await api.postTaskMessage(taskId, message);
    return task;
  }

  /** A task as it is in COR now (not from the cache). */
  async fresh(link: UserLinkRecord, api: CorApi, taskId: number): Promise<TaskView> {
    const [task, names] = await Promise.all([api.getTask(taskId), this.#projectNames(link, api)]);
    return this.#view(task, names);
  }

  #view(t: CorTask, names: ProjectNames): TaskView {
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

  #projectNames(link: UserLinkRecord, api: CorApi): Promise<ProjectNames> {
    return this.#names.forceFetch(link.tenantKey, { context: { link, api } });
  }
}
