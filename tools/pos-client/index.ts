/** The reference POS client: plain Node, no dependencies. See README.md beside this file. */
export { createPosClient, type PosClient, type PosClientOptions } from './client';
export { streamEvents, type EventsOptions, type PosEvent } from './events';
export { PosApiError, PosNetworkError, type Connection } from './http-call';
export { normaliseFingerprint, PinMismatchError, pinnedConnection } from './pinned-tls';
export { createReplayGuard, signWebhook, verifyWebhook, type ReplayGuard, type VerifyOptions, type VerifyResult } from './verify-webhook';
