/**
 * Keeps claims in the store alive while their holder works on them: `renew` runs every third of the lease (at
 * least every 250 ms), so a living holder renews well before its lease ends and only one that stopped lets another
 * take its work over. A renewal still under way makes the next one wait its turn (renewals never overlap); one
 * that answers `false` (the claim is no longer ours) ends the renewing; a failed one is told to `onError` and
 * tried again at the next turn. `stop()` when the work ends.
 */
export function keepRenewed(leaseMs: number, renew: () => Promise<boolean | void>, onError: (err: unknown) => void): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    renew()
      .then((held) => {
        if (held === false) clearInterval(timer);
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, Math.max(250, leaseMs / 3));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
