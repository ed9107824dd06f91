/**
 * A workaround for an engine race, until it is fixed: an executor registers a broadcast only when
 * the task that carries its bytes has gathered its inputs, so a second task on that executor that
 * gathers faster fails with "broadcast N has not been sent to executor ...", and so do its
 * retries (the driver sends the bytes once per executor). A run that fails so is run again from
 * the start with a new context; how often that happened is reported.
 */
const RACE = /broadcast \d+ has not been sent to executor/;
const ATTEMPTS = 3;

export const broadcastRaceRetries: string[] = [];

export async function retryingBroadcastRace<R>(what: string, run: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error instanceof Error) || !RACE.test(error.message)) throw error;
      broadcastRaceRetries.push(what);
      console.log(`  ${what}: failed by the broadcast race (${error.message.match(RACE)?.[0]}), run again`);
    }
  }
}
