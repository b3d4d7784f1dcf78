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

const COR_TEXT: Record<CorErrorCode, string> = {
  unauthorized: 'COR did not accept your sign-in. Run `/cor link` to connect your COR account again.',
  forbidden: 'COR says you are not allowed to do that.',
  not_found: 'COR could not find that (it may have been deleted).',
  validation: 'COR refused the change as invalid',
  rate_limited: 'COR is busy right now. Please try again in a minute.',
  server: 'COR is having trouble right now. Please try again in a few minutes.',
  network: 'I could not reach COR. Please try again in a few minutes.',
  timeout: 'COR took too long to answer. Please try again in a few minutes.',
  bad_response: 'COR answered in a way I did not understand. The team has been told.',
};

const APP_TEXT: Record<string, string> = {
  not_linked: 'Your Slack account is not linked to COR yet. Run `/cor link` first.',
  needs_relink: 'COR no longer accepts my access for you. Run `/cor link` to link again.',
  bad_input: 'I could not understand that.',
};

function isCorCode(code: string): code is CorErrorCode {
  return code in COR_TEXT;
}

export function toUserMessage(err: unknown): string {
  if (err instanceof AppError) {
    if (err.code === 'bad_input' || err.code === 'not_configured' || (err.code === 'validation' && err.details?.userFacing === true)) {
      return err.message;
    }
    if (isCorCode(err.code)) {
      const base = COR_TEXT[err.code];
      const corSaid = typeof err.details?.corMessage === 'string' ? err.details.corMessage : undefined;
      return err.code === 'validation' ? `${base}${corSaid ? `: ${corSaid}` : '.'}` : base;
    }
    const text = APP_TEXT[err.code];
    if (text) return text;
  }
  return 'Something went wrong on my side. Please try again; if it keeps happening, tell your COR admin.';
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
