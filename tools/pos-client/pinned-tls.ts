import type { ClientRequestArgs } from 'node:http';
import type { Duplex } from 'node:stream';
import { connect } from 'node:tls';

/** The terminal's certificate is not the one the POS pinned: nothing, not even the key, was sent. */
export class PinMismatchError extends Error {
  override readonly name = 'PinMismatchError';
}

/** `AB:CD:…` upper case, from any spelling (colons or not, any case); throws on anything but 32 bytes of hex. */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/:/g, '').trim().toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) throw new TypeError('A SHA-256 fingerprint is 64 hex digits, with or without colons (as the terminal shows it).');
  return hex.match(/../g)?.join(':') ?? hex;
}

type CreateConnection = (options: ClientRequestArgs, done: (error: Error | null, socket: Duplex) => void) => Duplex | null | undefined;

/**
 * A TLS connection that accepts exactly one certificate, the terminal's self-signed one, by its
 * SHA-256 fingerprint. The socket is handed to HTTP only after the check, so a wrong server never
 * sees the request or its key.
 */
export function pinnedConnection(fingerprint256: string): CreateConnection {
  const pin = normaliseFingerprint(fingerprint256);
  return (options, done) => {
    const socket = connect({
      host: options.hostname ?? options.host ?? 'localhost',
      port: Number(options.port ?? 443),
      ...(options.hostname !== undefined && options.hostname !== null && !/^[0-9.:]+$/.test(options.hostname) ? { servername: options.hostname } : {}),
      // The chain is self-signed by design: the pin below is the whole check.
      rejectUnauthorized: false,
    });
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate().fingerprint256;
      if (seen === pin) {
        done(null, socket);
        return;
      }
      socket.destroy();
      done(new PinMismatchError(`The terminal's certificate fingerprint is ${seen}, not the pinned ${pin}: refused, nothing was sent.`), socket);
    });
    socket.once('error', (error: Error) => done(error, socket));
    return undefined;
  };
}
