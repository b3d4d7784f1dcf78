import { AppError, type CorErrorCode } from '../errors.ts';
import { scrubSecrets } from '../logger.ts';

export type { CorErrorCode };

export interface CorFieldError {
  field: string;
  message: string;
}

/**
 * Every failure of a COR call. Carries the method and the path **without** its query string (an
 * authorization code travels in the query) and never a token.
 */
export class CorError extends AppError {
  declare readonly code: CorErrorCode;
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly corMessage: string | undefined;
  readonly corCode: string | undefined;
  /** The error's name when COR gives one (e.g. `DuplicateExternalIdError` from the Integrations API). */
  readonly corName: string | undefined;
  readonly fieldErrors: CorFieldError[];
  readonly retryAfterMs: number | undefined;

  constructor(
    code: CorErrorCode,
    init: {
      method: string;
      path: string;
      status?: number;
      corMessage?: string;
      corCode?: string;
      corName?: string;
      fieldErrors?: CorFieldError[];
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    const corMessage = init.corMessage === undefined ? undefined : scrubSecrets(init.corMessage).slice(0, 300);
    const status = init.status === undefined ? '' : ` (HTTP ${init.status})`;
    super(code, `COR ${init.method} ${init.path} failed: ${code}${status}${corMessage ? `: ${corMessage}` : ''}`, {
      cause: init.cause,
      details: { corMessage, corCode: init.corCode, corName: init.corName },
    });
    this.name = 'CorError';
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.corMessage = corMessage;
    this.corCode = init.corCode;
    this.corName = init.corName;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }
}

export function codeForStatus(status: number): CorErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 417 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_response';
}

/** Reads what COR said out of any of its error body shapes (see shared/cor/NOTES.md). */
export function describeErrorBody(body: unknown): { message?: string; corCode?: string; corName?: string; fieldErrors: CorFieldError[] } {
  if (Array.isArray(body)) {
    const fieldErrors = body
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? e.validation ?? 'invalid') }));
    return { message: fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; '), fieldErrors };
  }
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    const message = typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : undefined;
    const corCode = typeof b.code === 'string' ? b.code : undefined;
    const corName = typeof b.name === 'string' ? b.name : undefined;
    return {
      ...(message === undefined ? {} : { message }),
      ...(corCode === undefined ? {} : { corCode }),
      ...(corName === undefined ? {} : { corName }),
      fieldErrors: [],
    };
  }
  if (typeof body === 'string' && body.trim()) return { message: body.trim(), fieldErrors: [] };
  return { fieldErrors: [] };
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
