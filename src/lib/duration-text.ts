/** "2h 30m", "45m", "8h" */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

export function formatHours(hours: number): string {
  return formatMinutes(Math.round(hours * 60));
}
