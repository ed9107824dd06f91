/**
 * The driver application of the task a thread is running (one task at a time per thread):
 * broadcast ids and RDD ids restart at 0 in every driver, so what a thread keeps is kept per application.
 */
let current = '';

export function useApplication(appId: string): void {
  current = appId;
}

export function applicationKey(key: string): string {
  return `${current}:${key}`;
}
