/*
 * The contract's plain values, apart from its zod schemas: a screen imports these without bundling
 * zod, so it never copies them by hand. Nothing here may import zod or a module that does.
 */

/** Where the headless web mode serves the API: one WebSocket at `/api?token=…`. */
export const WS_PATH = '/api';

/** Close codes the host uses, so a client can tell "go away" from a network drop. */
export const WS_CLOSE = { badToken: 4401, shuttingDown: 4503 } as const;

/** The most base64 text an image to look up may be: about 500 KB of PNG or JPEG. */
export const MAX_LOOKUP_IMAGE_BASE64 = 700_000;
