/**
 * Mutual authentication at the start of every connection, before any other message:
 *
 *   server → hello   { nonceS, auth }
 *   client → prove   { nonceC, proof = HMAC(secret, "flint client" ‖ nonceS ‖ nonceC) }
 *   server → welcome { proof = HMAC(secret, "flint server" ‖ nonceS ‖ nonceC) }
 *
 * Both nonces are fresh random bytes, so a proof is good for one connection only: a recorded
 * exchange replayed on a new connection meets a new server nonce. The secret never travels.
 * A server without a secret says `auth: false` and skips the proofs; a client that has a secret
 * refuses such a server (else anyone between them could pose as an insecure one: a downgrade).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NetError } from './errors.js';
import type { FramedConnection } from './framed-connection.js';
import { boolean, bytes, literal, message, object, optional } from './schema.js';

const NONCE_BYTES = 32;
/** Handshake frames are tiny: a peer that has not authenticated cannot make the server buffer more. */
export const HANDSHAKE_MAX_FRAME_BYTES = 1024;

const nonce = {
  parse: (value: unknown, where: string) => {
    const parsed = bytes.parse(value, where);
    if (parsed.length !== NONCE_BYTES) throw new NetError('PROTOCOL', `${where}: expected ${NONCE_BYTES} bytes`);
    return parsed;
  },
};
const hello = message('hello', { version: literal('flint-1'), nonce, auth: boolean });
const prove = message('prove', { nonce, proof: optional(bytes) });
const welcome = object({ type: literal('welcome'), proof: optional(bytes) });

export function proofOf(secret: Buffer, role: 'client' | 'server', serverNonce: Uint8Array, clientNonce: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`flint ${role}\0`).update(serverNonce).update(clientNonce).digest();
}

function sameProof(expected: Buffer, given: Uint8Array | undefined): boolean {
  return given !== undefined && given.length === expected.length && timingSafeEqual(expected, given);
}

/** The server's side; resolves once the client is authenticated, throws UNAUTHENTICATED otherwise. */
export async function acceptHandshake(connection: FramedConnection, secret: Buffer | undefined, timeoutMs: number): Promise<void> {
  const serverNonce = randomBytes(NONCE_BYTES);
  await connection.send({ type: 'hello', version: 'flint-1', nonce: serverNonce, auth: secret !== undefined });
  const answer = await connection.receiveMessage(prove, 'handshake', timeoutMs);
  if (secret && !sameProof(proofOf(secret, 'client', serverNonce, answer.nonce), answer.proof)) {
    throw new NetError('UNAUTHENTICATED', answer.proof ? 'wrong secret (the proof does not match)' : 'no secret given');
  }
  await connection.send({ type: 'welcome', proof: secret ? proofOf(secret, 'server', serverNonce, answer.nonce) : undefined });
}

/** The client's side; also checks that the server knows the secret. */
export async function offerHandshake(connection: FramedConnection, secret: Buffer | undefined, timeoutMs: number): Promise<void> {
  const greeting = await connection.receiveMessage(hello, 'handshake', timeoutMs);
  if (greeting.auth && !secret) {
    throw new NetError('UNAUTHENTICATED', `${connection.peer} requires authentication: set FLINT_SECRET (or pass --secret-file)`);
  }
  if (!greeting.auth && secret) {
    throw new NetError('UNAUTHENTICATED', `${connection.peer} announces no authentication, but we have a cluster secret: refusing it (unset FLINT_SECRET to talk to an --insecure cluster)`);
  }
  const clientNonce = randomBytes(NONCE_BYTES);
  const proof = secret ? proofOf(secret, 'client', greeting.nonce, clientNonce) : undefined;
  await connection.send({ type: 'prove', nonce: clientNonce, proof });
  const reply = await connection.receiveMessage(welcome, 'handshake', timeoutMs).catch((error: Error) => {
    throw greeting.auth ? new NetError('UNAUTHENTICATED', `${connection.peer} refused our secret`) : error;
  });
  if (secret && !sameProof(proofOf(secret, 'server', greeting.nonce, clientNonce), reply.proof)) {
    throw new NetError('UNAUTHENTICATED', `${connection.peer} does not know the cluster secret`);
  }
}
