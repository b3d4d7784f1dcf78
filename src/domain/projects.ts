import { LRUCache } from 'lru-cache';
import type { CorApi, IntegrationProject, IntegrationSource } from '../cor/client.ts';
import { CorError } from '../cor/errors.ts';
import { cacheOptions, PER_PERSON_MAX } from '../lib/cache.ts';
import type { Clock } from '../lib/clock.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { ChannelProjectRecord, ChannelProjectRepository } from '../store/channel-projects.ts';

export const INCOME_TYPES = ['fee', 'one_time', 'hourly_rate', 'contract'] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

/** A project as the form gives it (dates already read into YYYY-MM-DD). Undefined = not given. */
export interface ProjectDraft {
  name: string | undefined;
  clientExternalId: string | undefined;
  brief: string | undefined;
  start: string | undefined;
  end: string | undefined;
  estimatedHours: number | undefined;
  billable: boolean | undefined;
  incomeType: IncomeType | undefined;
}

/** Where a refusal belongs in the form. */
export type ProjectField = 'name' | 'client' | 'start' | 'end' | 'general';

/** Why a project was not saved: the words are the Slack layer's, in the person's language. */
type ProjectRefusalReason = 'duplicate' | 'unknown_client' | 'date_range' | 'source_refused' | 'gone' | 'refused' | 'forbidden' | 'no_project' | 'off';
export interface ProjectRefusal {
  field: ProjectField;
  reason: ProjectRefusalReason;
  /** COR's own words when it refused as invalid */
  corSaid?: string | undefined;
}

export type ProjectOutcome = { ok: true; project: ChannelProjectRecord } | ({ ok: false } & ProjectRefusal);

export interface ProjectDeps {
  channels: ChannelProjectRepository;
  apiFor: (link: UserLinkRecord) => CorApi;
  /** `metadata.source` for the Integrations API; undefined = projects from channels are off */
  source: IntegrationSource | undefined;
  clock: Clock;
}

const CHANNEL_PROJECT_TTL_MS = 60_000;

/** COR's named Integrations errors, as the field they belong to and why. */
export function refusalOf(err: unknown): ProjectRefusal | undefined {
  if (!(err instanceof CorError)) return undefined;
  switch (err.corName) {
    case 'DuplicateExternalIdError':
      return { field: 'name', reason: 'duplicate' };
    case 'ClientNotFoundError':
      return { field: 'client', reason: 'unknown_client' };
    case 'InvalidDateRangeError':
      return { field: 'end', reason: 'date_range' };
    case 'InvalidSourceError':
      return { field: 'general', reason: 'source_refused' };
    case 'ProjectNotFoundError':
      return { field: 'general', reason: 'gone' };
    case 'ValidationError':
      return { field: 'general', reason: 'refused', corSaid: err.corMessage };
  }
  if (err.code === 'forbidden') return { field: 'general', reason: 'forbidden' };
  if (err.code === 'validation') return { field: 'general', reason: 'refused', corSaid: err.corMessage };
  return undefined;
}

function body(draft: ProjectDraft): Omit<IntegrationProject, 'metadata'> {
  return {
    ...(draft.name !== undefined ? { name: draft.name } : {}),
    ...(draft.clientExternalId !== undefined ? { client_id: draft.clientExternalId } : {}),
    ...(draft.brief !== undefined ? { brief: draft.brief } : {}),
    ...(draft.start !== undefined ? { start: draft.start } : {}),
    ...(draft.end !== undefined ? { end: draft.end } : {}),
    ...(draft.estimatedHours !== undefined ? { estimated_time: draft.estimatedHours } : {}),
    ...(draft.billable !== undefined ? { billable: draft.billable } : {}),
    ...(draft.incomeType !== undefined ? { income_type: draft.incomeType } : {}),
  };
}

/** Slack channels as COR projects, through COR's Integrations API, keyed by the channel id. */
export class ProjectService {
  readonly #d: ProjectDeps;
  /** by `tenantKey/channelId`, channels that are no project included; as many channels as people at most */
  readonly #known: LRUCache<string, { project: ChannelProjectRecord | undefined }, { tenantKey: string; channelId: string }>;
  constructor(deps: ProjectDeps) {
    this.#d = deps;
    this.#known = new LRUCache({
      ...cacheOptions(deps.clock, PER_PERSON_MAX, CHANNEL_PROJECT_TTL_MS),
      fetchMethod: async (_key, _stale, { context }) => ({ project: await deps.channels.find(context.tenantKey, context.channelId) }),
    });
  }

  get enabled(): boolean {
    return this.#d.source !== undefined;
  }


  /**
   * The channel's project, if it is one. Read on every `/cor log` and `/cor tasks`, so it is remembered a
   * minute (this instance's own saves refresh it; another instance's show up within the minute).
   */
  async ofChannel(tenantKey: string, channelId: string): Promise<ChannelProjectRecord | undefined> {
    return (await this.#known.forceFetch(`${tenantKey}/${channelId}`, { context: { tenantKey, channelId } })).project;
  }

  create(link: UserLinkRecord, channelId: string, draft: ProjectDraft & { name: string }): Promise<ProjectOutcome> {
    return this.#write(link, channelId, async (api, source) => {
      const created = await api.createIntegrationProject({ ...body(draft), id: channelId, name: draft.name, metadata: { source } });
      return { tenantKey: link.tenantKey, channelId, corProjectId: created.id, externalId: channelId, name: created.name, createdBy: link.slackUserId };
    });
  }

  /** A partial update: only what the form changed is sent. */
  async update(link: UserLinkRecord, channelId: string, draft: ProjectDraft): Promise<ProjectOutcome> {
    const existing = await this.#d.channels.find(link.tenantKey, channelId);
    if (!existing) return { ok: false, field: 'general', reason: 'no_project' };
    return this.#write(link, channelId, async (api, source) => {
      const updated = await api.updateIntegrationProject(existing.externalId, { ...body(draft), metadata: { source } });
      return { ...existing, name: updated.name ?? existing.name, corProjectId: updated.id ?? existing.corProjectId };
    });
  }

  /** One Integrations call as the person; the channel's record saved, or COR's refusal as a field and words. */
  async #write(link: UserLinkRecord, channelId: string, call: (api: CorApi, source: IntegrationSource) => Promise<ChannelProjectRecord>): Promise<ProjectOutcome> {
    const source = this.#d.source;
    if (!source) return { ok: false, field: 'general', reason: 'off' };
    try {
      const record = await call(this.#d.apiFor(link), source);
      await this.#d.channels.save(record);
      this.#known.delete(`${link.tenantKey}/${channelId}`);
      return { ok: true, project: record };
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) return { ok: false, ...refusal };
      throw err;
    }
  }
}
