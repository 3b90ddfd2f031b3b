import type { ApiError, ApiResult, EventName } from '../../app/ipc/contract';

/** A host → screen message after a structural check; payloads are the host's own, as over Electron IPC. */
export type IncomingMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: ApiResult<unknown> }
  | { readonly type: 'event'; readonly event: EventName; readonly payload: unknown }
  | { readonly type: 'error'; readonly error: ApiError };

// A record over EventName, so a new event in the contract breaks the build until it is listed here.
const KNOWN_EVENTS: Readonly<Record<EventName, true>> = { payment: true, terminal: true, devices: true, print: true, parked: true, posOffer: true };

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null;

const isEventName = (v: unknown): v is EventName => typeof v === 'string' && Object.hasOwn(KNOWN_EVENTS, v);

function isApiError(v: unknown): v is ApiError {
  return isRecord(v) && typeof v['code'] === 'string' && typeof v['message'] === 'string';
}

function isApiResult(v: unknown): v is ApiResult<unknown> {
  if (!isRecord(v)) return false;
  if (v['ok'] === true) return 'value' in v;
  return v['ok'] === false && isApiError(v['error']);
}

/** Parses one WebSocket text frame; null for anything that is not a message of the protocol. */
export function parseServerMessage(text: string): IncomingMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const { type } = data;
  if (type === 'result') {
    const { id, result } = data;
    return typeof id === 'number' && isApiResult(result) ? { type, id, result } : null;
  }
  if (type === 'event') {
    const { event, payload } = data;
    return isEventName(event) ? { type, event, payload } : null;
  }
  if (type === 'error') {
    const { error } = data;
    return isApiError(error) ? { type, error } : null;
  }
  return null;
}
