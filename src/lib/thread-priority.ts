import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the CPU priority of the calling thread (not the process) to at least `nice`, where the OS allows it
 * (Linux: /proc/thread-self names the thread, and setpriority on a thread id applies to that thread alone).
 * Returns whether it did: elsewhere the thread keeps the process's priority.
 */
export function lowerThisThreadPriority(nice: number): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    // Never raise it: a process started with a lower priority keeps it.
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
