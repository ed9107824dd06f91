/** Errors that cross process boundaries carry a code so the receiver can react to the kind. */
import { NetError } from '@flint/net/errors';

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

export { errorMessage } from '@flint/net/errors';

/** The code of an error as it should travel on the wire; the connection layer's codes are DFS codes too. */
export function errorCode(error: unknown): ErrorCode {
  if (error instanceof DfsError) return error.code;
  if (error instanceof NetError && isErrorCode(error.code)) return error.code;
  return 'INTERNAL';
}

/** A failure received from the namenode, as the DfsError it was on the other side. */
export function errorFromWire(code: string, message: string): DfsError {
  return new DfsError(isErrorCode(code) ? code : 'INTERNAL', message);
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
