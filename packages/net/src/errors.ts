/** Errors of the connection layer; each carries a code the layers above map to their own. */

export type NetErrorCode = 'UNAVAILABLE' | 'TIMEOUT' | 'PROTOCOL' | 'UNAUTHENTICATED';

export class NetError extends Error {
  override name = 'NetError';
  constructor(
    readonly code: NetErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A message that does not fit its protocol: wrong shape, unknown type, bad frame. */
export class ProtocolError extends NetError {
  override name = 'ProtocolError';
  constructor(message: string) {
    super('PROTOCOL', message);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
