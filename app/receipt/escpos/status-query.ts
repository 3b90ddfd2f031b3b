import { realTimeStatus } from './commands';

/** The four DLE EOT queries, in the order the transports ask them. */
export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

export const statusQueryBytes = (n: StatusQuery): Uint8Array => Uint8Array.from(realTimeStatus(n));
