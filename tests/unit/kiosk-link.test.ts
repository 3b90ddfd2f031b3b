import { describe, expect, it } from 'vitest';
import { kioskBase, noKioskLink } from '../../electron/web/kiosk-link';

describe('the kiosk cashier link’s address', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:5170'],
    ['127.0.1.1', 'http://127.0.1.1:5170'],
    ['localhost', 'http://localhost:5170'],
    ['::1', 'http://[::1]:5170'],
    ['0.0.0.0', 'http://127.0.0.1:5170'],
    ['::', 'http://127.0.0.1:5170'],
  ])('host listening on %s: the link uses %s', (listen, base) => {
    expect(kioskBase(listen, 5170)).toBe(base);
  });

  it.each(['192.168.1.5', '10.0.0.2', 'fe80::1', 'shop-terminal.local'])('host listening on %s only: no link, since loopback cannot reach it', (listen) => {
    expect(kioskBase(listen, 5170)).toBeNull();
    expect(noKioskLink(listen)).toContain(`listens on ${listen} only`);
    expect(noKioskLink(listen)).toContain('--host 0.0.0.0');
  });
});
