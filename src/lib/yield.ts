/**
 * Lets pending I/O (new Slack requests waiting for their ack) run before more background work: after an ack,
 * the work that follows is queued behind the requests that already arrived instead of in front of them.
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
