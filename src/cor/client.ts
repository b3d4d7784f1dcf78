import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { AccessTokenSource } from './auth.ts';
import { CorError } from './errors.ts';
import {
  type CorClient as CorClientRecord,
  type CorHour,
  type CorHoursPage,
  type CorLeave,
  type CorPage,
  type CorProject,
  type CorTask,
  type CorTaskMessage,
  type CorUser,
  type CorWorkingTime,
  clientSchema,
  hourSchema,
  hoursPageSchema,
  integrationProjectSchema,
  leaveSchema,
  pageSchema,
  projectSchema,
  taskMessageSchema,
  taskSchema,
  userSchema,
  workingTimesSchema,
  projectCollaboratorSchema,
  type CorProjectCollaborator,
} from './schemas.ts';
import type { CorRequest, CorTransport } from './transport.ts';

export interface TaskFilters {
  projects?: number | number[];
  pm?: number | number[];
  status?: string | string[];
  collaborator?: number | number[];
  priority?: number | number[];
  labels?: number[];
  clients?: number[];
}
export type TaskOrder = Partial<Record<'client' | 'project' | 'task' | 'deadline' | 'datetime' | 'pm' | 'priority' | 'sprint', 'ASC' | 'DESC'>>;

export interface HourFilters {
  users?: number[];
  projects?: number[];
  clients?: number[];
  /** YYYY-MM-DD */
  dateStart?: string;
  /** YYYY-MM-DD */
  dateDeadline?: string;
}

export interface ProjectFilters {
  client_id?: number;
  user_id?: number;
  status?: 'finished' | 'in_process' | 'suspended';
  archived?: 1 | 2;
  dateStart?: string;
  dateEnd?: string;
}

export interface PageRequest {
  /** `false`: everything in one answer (COR's documented way to skip paging) */
  page?: number | false;
  perPage?: number;
}

export interface TaskUpdate {
  /** required by the contract: send the current title back when changing something else */
  title: string;
  status?: string;
  priority?: number;
  deadline?: string;
  description?: string;
  archived?: boolean;
}

/** `POST /tasks` takes a title and a project, nothing else (no description, deadline or people): see NOTES. */
export interface NewTask {
  title: string;
  project_id: number;
}

export interface NewHour {
  task_log_id: number;
  /** ISO 8601 date-time */
  start: string;
  stop?: string;
}

/** The sources the Integrations API accepts in `metadata.source` (there is none for Slack). */
export const INTEGRATION_SOURCES = ['JIRA', 'SALESFORCE', 'ADVERTMIND', 'QUICKBOOKS', 'ZAPIER', 'OKTA', 'MICROSOFT_DYNAMICS', 'GITHUB', 'MICROSOFT_TEAMS', 'VBS', 'SAP', 'GLOBANT'] as const;
export type IntegrationSource = (typeof INTEGRATION_SOURCES)[number];

export interface IntegrationProject {
  id?: string;
  name?: string;
  client_id?: string;
  pm_id?: string;
  brief?: string;
  /** YYYY-MM-DD */
  start?: string;
  end?: string;
  estimated_time?: number;
  billable?: boolean;
  income_type?: 'fee' | 'one_time' | 'hourly_rate' | 'contract';
  status?: string;
  archived?: boolean;
  metadata: { source: IntegrationSource };
}

/** How many items to ask for per page when reading everything. */
const ALL_PAGES_SIZE = 100;
/** A guard against a COR that never reports a last page: past it, a read fails (`too_many`) rather than stop short. */
const MAX_PAGES = 1_000;

export interface CorApiOptions {
  /** the most pages a list is read in (default 1,000) */
  maxPages?: number;
}

type Call = Omit<CorRequest<unknown>, 'authorization' | 'schema'>;

/**
 * The COR REST and Integrations APIs, called as whoever `tokens` belongs to. A 401 renews the token once
 * and repeats the call (safe even for POST /hours: a 401 means nothing was written).
 */
export class CorApi {
  readonly #transport: CorTransport;
  readonly #tokens: AccessTokenSource;
  readonly #maxPages: number;

  constructor(transport: CorTransport, tokens: AccessTokenSource, opts: CorApiOptions = {}) {
    this.#transport = transport;
    this.#tokens = tokens;
    this.#maxPages = opts.maxPages ?? MAX_PAGES;
  }

  async #call<T>(call: Call, schema: z.ZodType<T>): Promise<T> {
    const token = await this.#tokens.accessToken();
    try {
      return await this.#transport.request({ ...call, schema, authorization: `Bearer ${token}` });
    } catch (err) {
      if (!(err instanceof CorError) || err.code !== 'unauthorized') throw err;
      const renewed = await this.#tokens.renewAfterRejection(token);
      if (!renewed) throw err;
      return this.#transport.request({ ...call, schema, authorization: `Bearer ${renewed}` });
    }
  }

  /**
   * The pages of a paginated list, one request each, read only as far as the caller goes. A list longer than the
   * page cap is never cut short in silence: reading past it fails with an AppError coded `too_many`.
   */
  async *#pages<T>(fetchPage: (page: PageRequest) => Promise<CorPage<T>>): AsyncGenerator<T[]> {
    for (let page = 1; ; page++) {
      const answer = await fetchPage({ page, perPage: ALL_PAGES_SIZE });
      yield answer.data;
      const last = answer.lastPage ?? (answer.total === undefined ? page : Math.ceil(answer.total / (answer.perPage ?? ALL_PAGES_SIZE)));
      if (page >= last || answer.data.length === 0) return;
      if (page >= this.#maxPages) throw new AppError('too_many', `COR list longer than ${this.#maxPages} pages`, { details: { pages: this.#maxPages, lastPage: last } });
    }
  }

  /** Reads every page of a paginated list. */
  async #allPages<T>(fetchPage: (page: PageRequest) => Promise<CorPage<T>>): Promise<T[]> {
    const items: T[] = [];
    for await (const data of this.#pages(fetchPage)) items.push(...data);
    return items;
  }

  me(): Promise<CorUser> {
    return this.#call({ method: 'GET', path: '/me', retry: 'safe' }, userSchema);
  }

  listUsers(page: PageRequest = {}): Promise<CorPage<CorUser>> {
    return this.#call({ method: 'GET', path: '/users', query: { ...page }, retry: 'safe' }, pageSchema(userSchema));
  }

  /** Every user of the company, all pages (there is no email filter: matching is done on our side). */
  allUsers(): Promise<CorUser[]> {
    return this.#allPages((p) => this.listUsers(p));
  }

  /** Every user in one request (`page=false`): daily hours and leaves of a whole company for a reminder sweep. */
  async usersAtOnce(): Promise<CorUser[]> {
    return (await this.listUsers({ page: false })).data;
  }

  listTasks(opts: { filters?: TaskFilters; order?: TaskOrder } & PageRequest = {}): Promise<CorPage<CorTask>> {
    const { filters, order, ...page } = opts;
    return this.#call(
      {
        method: 'GET',
        path: '/tasks',
        query: { ...page, filters: filters && JSON.stringify(filters), order: order && JSON.stringify(order) },
        retry: 'safe',
      },
      pageSchema(taskSchema),
    );
  }

  allTasks(opts: { filters?: TaskFilters; order?: TaskOrder } = {}): Promise<CorTask[]> {
    return this.#allPages((p) => this.listTasks({ ...opts, ...p }));
  }

  /** The first task of a list (pages followed, in its order) that `matches`; no further page is read once found. */
  async firstTask(opts: { filters?: TaskFilters; order?: TaskOrder }, matches: (task: CorTask) => boolean): Promise<CorTask | undefined> {
    for await (const data of this.#pages((p) => this.listTasks({ ...opts, ...p }))) {
      const found = data.find(matches);
      if (found) return found;
    }
    return undefined;
  }

  getTask(taskId: number): Promise<CorTask> {
    return this.#call({ method: 'GET', path: `/tasks/${taskId}`, retry: 'safe' }, taskSchema);
  }

  updateTask(taskId: number, update: TaskUpdate): Promise<CorTask> {
    return this.#call({ method: 'PUT', path: `/tasks/${taskId}`, json: update, retry: 'never' }, taskSchema);
  }

  /** Never retried blindly: COR has no idempotency keys (a lost answer may still have created the task). */
  createTask(task: NewTask): Promise<CorTask> {
    return this.#call({ method: 'POST', path: '/tasks', json: task, retry: 'never' }, taskSchema);
  }

  /** A message on a task (its conversation in COR), as the token's user. Not idempotent: never retried blindly. */
  async postTaskMessage(taskId: number, message: string): Promise<void> {
    await this.#call({ method: 'POST', path: `/tasks/${taskId}/messages`, json: { message }, retry: 'never' }, z.unknown());
  }

  /** The messages on a task (its conversation in COR). */
  taskMessages(taskId: number): Promise<CorTaskMessage[]> {
    return this.#call({ method: 'GET', path: `/tasks/${taskId}/messages`, retry: 'safe' }, z.array(taskMessageSchema));
  }

  searchTasksByTitle(title: string): Promise<CorTask[]> {
    return this.#call(
      { method: 'GET', path: `/tasks/search-by-title/${encodeURIComponent(title)}`, retry: 'safe' },
      z.array(taskSchema),
    );
  }

  listHours(opts: { filters?: HourFilters; orderBy?: { by: string; order: 'ASC' | 'DESC' } } & PageRequest = {}): Promise<CorHoursPage> {
    const { filters, orderBy, ...page } = opts;
    return this.#call(
      {
        method: 'GET',
        path: '/hours',
        query: { ...page, filters: filters && JSON.stringify(filters), orderBy: orderBy && JSON.stringify(orderBy) },
        retry: 'safe',
      },
      hoursPageSchema,
    );
  }

  allHours(filters: HourFilters): Promise<CorHour[]> {
    return this.#allPages((p) => this.listHours({ filters, orderBy: { by: 'start', order: 'ASC' }, ...p }));
  }

  /** Hours of many users in one request (`page=false`): reminder sweeps read a batch of people at a time. */
  async hoursAtOnce(filters: HourFilters): Promise<CorHour[]> {
    return (await this.listHours({ filters, page: false })).data;
  }

  /** Never retried blindly: COR has no idempotency keys, so the outbox decides what to do after a failure. */
  createHour(hour: NewHour): Promise<CorHour> {
    return this.#call({ method: 'POST', path: '/hours', json: hour, retry: 'never' }, hourSchema);
  }

  listProjects(opts: { filters?: ProjectFilters } & PageRequest = {}): Promise<CorPage<CorProject>> {
    const { filters, ...page } = opts;
    return this.#call(
      { method: 'GET', path: '/projects', query: { ...page, filters: filters && JSON.stringify(filters) }, retry: 'safe' },
      pageSchema(projectSchema),
    );
  }

  /** Every project the filters match, page after page: one paged read however many there are. */
  allProjects(filters: ProjectFilters): Promise<CorProject[]> {
    return this.#allPages((p) => this.listProjects({ filters, ...p }));
  }

  getProject(projectId: number): Promise<CorProject> {
    return this.#call({ method: 'GET', path: `/projects/${projectId}`, retry: 'safe' }, projectSchema);
  }

  listClients(page: PageRequest = {}): Promise<CorPage<CorClientRecord>> {
    return this.#call({ method: 'GET', path: '/clients', query: { ...page }, retry: 'safe' }, pageSchema(clientSchema));
  }

  /** Every client the token's user sees, page after page. */
  allClients(): Promise<CorClientRecord[]> {
    return this.#allPages((p) => this.listClients(p));
  }

  /** The people on a project (its PM and collaborators). */
  projectCollaborators(projectId: number): Promise<CorProjectCollaborator[]> {
    return this.#call({ method: 'GET', path: `/projects/${projectId}/collaborators`, retry: 'safe' }, z.array(projectCollaboratorSchema));
  }

  listLeaves(userId: number, opts: { offset?: number; size?: number } = {}): Promise<CorLeave[]> {
    return this.#call(
      { method: 'GET', path: '/user/leaves', query: { usersId: userId, offset: opts.offset, size: opts.size }, retry: 'safe' },
      z.array(leaveSchema),
    );
  }

  /** Working days and hours of every user, keyed by COR user id (day_of_week 1 = Sunday … 7 = Saturday). */
  async workingTimes(): Promise<Map<number, CorWorkingTime[]>> {
    const byUser = await this.#call({ method: 'GET', path: '/working-time/company/with/users', retry: 'safe' }, workingTimesSchema);
    return new Map(Object.entries(byUser).map(([id, days]) => [Number(id), days]));
  }

  createIntegrationProject(project: IntegrationProject & { id: string; name: string }): Promise<CorProject> {
    return this.#call(
      { method: 'POST', base: 'integrations', path: '/v2/integrations/projects', json: project, retry: 'never' },
      integrationProjectSchema,
    );
  }

  updateIntegrationProject(externalId: string, changes: IntegrationProject): Promise<CorProject> {
    return this.#call(
      { method: 'PUT', base: 'integrations', path: `/v2/integrations/projects/${encodeURIComponent(externalId)}`, json: changes, retry: 'never' },
      integrationProjectSchema,
    );
  }
}

/** Builds CorApi views bound to one identity (the app's, or one user's). */
export class CorClient {
  readonly #transport: CorTransport;
  readonly #opts: CorApiOptions;
  constructor(transport: CorTransport, opts: CorApiOptions = {}) {
    this.#transport = transport;
    this.#opts = opts;
  }
  as(tokens: AccessTokenSource): CorApi {
    return new CorApi(this.#transport, tokens, this.#opts);
  }
}
