/**
 * The limits every connection is held to. Defaults suit a cluster; each can be set for a whole
 * process by its environment variable (tests use them to make timeouts short).
 */
export interface ConnectionLimits {
  /** Largest frame accepted; a longer length prefix closes the connection before anything is allocated. */
  maxFrameBytes: number;
  /** A connection with no traffic for this long is closed (servers only). */
  idleTimeoutMs: number;
  /** A frame must arrive whole within this long of its first byte. */
  frameTimeoutMs: number;
  /** The authentication handshake must end within this long of the connection opening. */
  handshakeTimeoutMs: number;
  /** Most connections a server keeps open from one remote address. */
  maxConnectionsPerPeer: number;
}

const DEFAULTS: ConnectionLimits = {
  maxFrameBytes: 256 * 2 ** 20,
  idleTimeoutMs: 10 * 60_000,
  frameTimeoutMs: 60_000,
  handshakeTimeoutMs: 10_000,
  maxConnectionsPerPeer: 1024,
};

const ENVIRONMENT: Record<keyof ConnectionLimits, string> = {
  maxFrameBytes: 'FLINT_NET_MAX_FRAME_BYTES',
  idleTimeoutMs: 'FLINT_NET_IDLE_TIMEOUT_MS',
  frameTimeoutMs: 'FLINT_NET_FRAME_TIMEOUT_MS',
  handshakeTimeoutMs: 'FLINT_NET_HANDSHAKE_TIMEOUT_MS',
  maxConnectionsPerPeer: 'FLINT_NET_MAX_CONNECTIONS_PER_PEER',
};

/** The defaults, overridden by the environment, overridden by `overrides`. */
export function connectionLimits(overrides: Partial<ConnectionLimits> = {}, env: NodeJS.ProcessEnv = process.env): ConnectionLimits {
  const limits = { ...DEFAULTS };
  for (const key of Object.keys(ENVIRONMENT) as (keyof ConnectionLimits)[]) {
    const text = env[ENVIRONMENT[key]];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${ENVIRONMENT[key]} must be a positive integer, got "${text}"`);
    limits[key] = value;
  }
  return { ...limits, ...overrides };
}
