/**
 * Why a worker's last executor died, as the worker publishes it through the namenode (in its
 * datanode's services): the driver that lost its connection to that executor reads it there to
 * tell a task that killed its executor (which counts as that task's failure) from a lost worker.
 */
const LOST_ID = 'lostExecutor';
const LOST_REASON = 'lostExecutorReason';
/** Enough for V8's fatal-error line; services travel with every heartbeat. */
const MAX_REASON_CHARS = 400;

export function lostExecutorServices(id: string, reason: string): Record<string, string> {
  return { [LOST_ID]: id, [LOST_REASON]: reason.slice(0, MAX_REASON_CHARS) };
}

/** The reason `id` died, if these services (of the node it ran on) say. */
export function lostExecutorReason(services: Readonly<Record<string, string>>, id: string): string | undefined {
  return services[LOST_ID] === id ? services[LOST_REASON] : undefined;
}
