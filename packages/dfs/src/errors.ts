/** Errors that cross process boundaries carry a code so the receiver can react to the kind. */

export const ERROR_CODES = [
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'NOT_A_DIRECTORY',
  'IS_A_DIRECTORY',
  'NOT_EMPTY',
  'INVALID_ARGUMENT',
  'SAFE_MODE',
  'NO_DATANODES',
  'UNKNOWN_DATANODE',
  'LEASE_EXPIRED',
  'CORRUPT_REPLICA',
  'UNAVAILABLE',
  'TIMEOUT',
  'PROTOCOL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DfsError extends Error {
  override name = 'DfsError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code of an error as it should travel on the wire. */
export function errorCode(error: unknown): ErrorCode {
  return error instanceof DfsError ? error.code : 'INTERNAL';
}
