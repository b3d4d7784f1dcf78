import type { Texts } from './i18n/texts.ts';

/**
 * One error model: every failure the app knows about is an AppError with a string code.
 * toUserMessage() is the one place that turns any error into words a Slack user reads.
 */
export class AppError extends Error {
  readonly code: string;
  /** Optional extra facts for logs (never secrets). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

/** Codes of the COR client's errors; kept here so the user-facing text for them lives in one place. */
export type CorErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_response';

const COR_CODES: ReadonlySet<string> = new Set<CorErrorCode>(['unauthorized', 'forbidden', 'not_found', 'validation', 'rate_limited', 'server', 'network', 'timeout', 'bad_response']);

function isCorCode(code: string): code is CorErrorCode {
  return COR_CODES.has(code);
}

/** The one place that turns any error into words for a person, in their language. */
export function toUserMessage(err: unknown, t: Texts): string {
  if (err instanceof AppError) {
    if (isCorCode(err.code)) {
      const corSaid = typeof err.details?.corMessage === 'string' ? err.details.corMessage : undefined;
      // COR's own words for what it refused are shown as COR wrote them.
      if (err.code === 'validation') return corSaid ? t.t('error.cor.validationSaid', { corSaid }) : t.t('error.cor.validation');
      return t.t(`error.cor.${err.code}`);
    }
    if (err.code === 'not_linked' || err.code === 'needs_relink' || err.code === 'linking_off') return t.t(`error.${err.code}`);
  }
  return t.t('error.unknown');
}

/**
 * Why a write failed, as it was kept (a COR error code, or COR's own message), in words: COR's codes in the
 * person's language, COR's own message as COR wrote it.
 */
export function reasonWords(reason: string, t: Texts): string {
  if (isCorCode(reason)) return t.t(`error.cor.${reason}`);
  if (reason === 'refused' || reason === 'unknown error') return t.t('error.unknown');
  return reason;
}

/**
 * What COR said when a COR call failed (the COR client's errors carry a COR code and COR's own message), so that
 * Slack answers can tell "gone" from "refused" without reaching into the COR client. Undefined for other errors.
 */
export function corRefusal(err: unknown): { code: CorErrorCode; corMessage: string | undefined } | undefined {
  if (!(err instanceof AppError) || !isCorCode(err.code)) return undefined;
  return { code: err.code, corMessage: typeof err.details?.corMessage === 'string' ? err.details.corMessage : undefined };
}

/** A COR call refused because the thing does not exist, or this person cannot see it. */
export function isGoneInCor(err: unknown): boolean {
  const code = corRefusal(err)?.code;
  return code === 'not_found' || code === 'forbidden';
}
