import { randomBytes } from 'node:crypto';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Our terminal reference for a sale: readable at the counter, sortable by time, unique without a
 * database (a random tail), and short enough for any provider's reference field.
 */
export function newReference(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const tail = randomBytes(3).toString('hex').toUpperCase();
  return `T${date}-${time}-${tail}`;
}
