import { z } from 'zod';
import type { ApiError, ApiResult, EventName, EventPayloads } from './contract';

/**
 * The headless web mode carries the same contract over one WebSocket at `/api?token=…`.
 * Client → host: commands with an id. Host → client: the result for that id, events, and errors
 * for messages that could not be read at all.
 */
export { WS_CLOSE, WS_PATH } from './constants';

export const clientMessageSchema = z.strictObject({
  type: z.literal('command', { error: 'must be "command"' }),
  id: z.number({ error: 'must be a number' }).int().nonnegative(),
  command: z.string({ error: 'must be a command name (a string)' }),
  args: z.unknown(),
});

export type ServerMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: ApiResult<unknown> }
  | { readonly [E in EventName]: { readonly type: 'event'; readonly event: E; readonly payload: EventPayloads[E] } }[EventName]
  | { readonly type: 'error'; readonly error: ApiError };
