/** @flint/net: the only place Flint listens and dials — framed TCP with authentication, HTTP — and the wire schema. */
export { formatNetAddress, type NetAddress } from './address.js';
export { decodeMessage, encodeMessage } from './codec.js';
export { NetError, ProtocolError, errorMessage, type NetErrorCode } from './errors.js';
export { FrameDecoder, frameHeader, FRAME_HEADER_BYTES, KIND_DATA, KIND_KEEPALIVE, KIND_MESSAGE } from './frame-decoder.js';
export { FramedConnection, type Frame } from './framed-connection.js';
export { dialFrames } from './dial.js';
export { listenFrames, type FrameServerOptions, type ListeningServer } from './listen.js';
export { listenHttp, type HttpHandler, type HttpServer } from './http.js';
export { openEventStream, type EventStream } from './sse.js';
export { connectionLimits, type ConnectionLimits } from './limits.js';
export { PendingRequests } from './pending-requests.js';
export { RpcClient, serveRpc, type RemoteErrorFactory, type RpcConnection, type RpcHandler } from './rpc.js';
export { clusterSecret, ensureRunSecret, readSecretFile, useSecretFile, SECRET_ENV } from './secret.js';
export { clientTls, requireServerTlsIfOn, serverTls, useTlsFiles, TLS_ENV } from './tls.js';
export { proofOf } from './handshake.js';
export * from './schema.js';
