import type { Socket } from 'node:net';

export interface ConnectionBudget {
  /** Counts the socket until it closes; false (and nothing counted) when its address or the host is full. */
  admit(socket: Socket): boolean;
  readonly open: number;
}

/**
 * Caps open sockets per client address and in all, so one neighbour opening thousands of idle
 * connections cannot starve the cashier's page. Timeouts end the idle ones; this bounds the rest.
 */
export function createConnectionBudget(limits: { readonly perAddress: number; readonly total: number }): ConnectionBudget {
  const byAddress = new Map<string, number>();
  let open = 0;
  return {
    admit(socket) {
      const address = socket.remoteAddress ?? 'unknown';
      const mine = byAddress.get(address) ?? 0;
      if (mine >= limits.perAddress || open >= limits.total) return false;
      byAddress.set(address, mine + 1);
      open += 1;
      socket.once('close', () => {
        open -= 1;
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left <= 0) byAddress.delete(address);
        else byAddress.set(address, left);
      });
      return true;
    },
    get open() {
      return open;
    },
  };
}
