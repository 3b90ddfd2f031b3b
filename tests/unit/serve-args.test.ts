import { describe, expect, it } from 'vitest';
import { parseServeArgs, SERVE_USAGE } from '../../electron/web/serve-args';

describe('the --log option of the headless host', () => {
  it('defaults to no path, which means terminal.log in the data folder', () => {
    const args = parseServeArgs([], {});
    expect(args.ok && args.value.logFile).toBeNull();
  });

  it('takes the file from --log FILE, --log=FILE, or QR_TERMINAL_LOG, the command line winning', () => {
    const fromFlag = parseServeArgs(['--log', '/var/log/qr/terminal.log'], { QR_TERMINAL_LOG: '/tmp/env.log' });
    expect(fromFlag.ok && fromFlag.value.logFile).toBe('/var/log/qr/terminal.log');
    const inline = parseServeArgs(['--log=/srv/qr.log'], {});
    expect(inline.ok && inline.value.logFile).toBe('/srv/qr.log');
    const fromEnv = parseServeArgs([], { QR_TERMINAL_LOG: '/tmp/env.log' });
    expect(fromEnv.ok && fromEnv.value.logFile).toBe('/tmp/env.log');
    const emptyEnv = parseServeArgs([], { QR_TERMINAL_LOG: '' });
    expect(emptyEnv.ok && emptyEnv.value.logFile).toBeNull();
  });

  it('refuses --log without a path instead of taking the next option as one', () => {
    for (const argv of [['--log'], ['--log='], ['--log', '--port', '5170']]) {
      const args = parseServeArgs(argv, {});
      expect(args.ok).toBe(false);
      if (!args.ok) expect(args.error).toBe('--log needs a file path, e.g. --log /var/log/qr-terminal/terminal.log');
    }
  });

  it('is described in the usage text', () => {
    expect(SERVE_USAGE).toContain('--log FILE');
    expect(SERVE_USAGE).toContain('QR_TERMINAL_LOG');
  });
});
