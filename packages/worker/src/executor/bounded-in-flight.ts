/**
 * Runs `fetch` over items in parallel, keeping the sum of the sizes of unfinished fetches under
 * `maxBytes` (one fetch always runs, however large). Results come back in item order.
 */
export async function boundedInFlight<T extends { size: number }, R>(items: readonly T[], maxBytes: number, fetch: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let inFlight = 0;
  let next = 0;
  return new Promise((resolve, reject) => {
    let finished = 0;
    let failed = false;
    const launch = (): void => {
      while (!failed && next < items.length && (inFlight === 0 || inFlight + items[next].size <= maxBytes)) {
        const index = next++;
        const item = items[index];
        inFlight += item.size;
        fetch(item).then(
          (result) => {
            results[index] = result;
            inFlight -= item.size;
            if (++finished === items.length) resolve(results);
            else launch();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    if (items.length === 0) resolve(results);
    else launch();
  });
}
