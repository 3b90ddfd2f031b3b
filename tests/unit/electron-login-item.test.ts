import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyXdgAutostart,
  autostartDir,
  desktopEntry,
  execArgument,
  planLoginItem,
  type LoginItemContext,
} from '../../electron/main/login-item';

const context = (change: Partial<LoginItemContext> = {}): LoginItemContext => ({
  platform: 'linux',
  openAtLogin: true,
  packaged: true,
  execPath: '/opt/QR Counter Terminal/qr-counter-terminal',
  env: {},
  homeDir: '/home/shop',
  productName: 'QR Counter Terminal',
  desktopName: 'qr-counter-terminal',
  ...change,
});

describe('planLoginItem: what it asks of each platform', () => {
  it.each([true, false])('macOS: app.setLoginItemSettings({ openAtLogin: %s })', (openAtLogin) => {
    expect(planLoginItem(context({ platform: 'darwin', openAtLogin }))).toEqual({ kind: 'electron', settings: { openAtLogin } });
  });

  it.each([true, false])('Windows: app.setLoginItemSettings with the installed executable (openAtLogin %s)', (openAtLogin) => {
    const execPath = 'C:\\Program Files\\QR Counter Terminal\\QR Counter Terminal.exe';
    expect(planLoginItem(context({ platform: 'win32', openAtLogin, execPath }))).toEqual({
      kind: 'electron',
      settings: { openAtLogin, path: execPath, args: [] },
    });
  });

  it('Linux: an XDG autostart entry in ~/.config/autostart that starts the installed executable', () => {
    const plan = planLoginItem(context());
    expect(plan).toEqual({
      kind: 'xdg-autostart',
      file: '/home/shop/.config/autostart/qr-counter-terminal.desktop',
      contents: [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=QR Counter Terminal',
        'Comment=Starts QR Counter Terminal when you log in (startup.openAtLogin)',
        'Exec="/opt/QR Counter Terminal/qr-counter-terminal"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    });
  });

  it('Linux: turned off, the entry is removed', () => {
    expect(planLoginItem(context({ openAtLogin: false }))).toEqual({
      kind: 'xdg-autostart',
      file: '/home/shop/.config/autostart/qr-counter-terminal.desktop',
      contents: null,
    });
  });

  it('Linux AppImage: starts the AppImage file, not its temporary mount', () => {
    const plan = planLoginItem(context({ execPath: '/tmp/.mount_QRCouXy12/qr-counter-terminal', env: { APPIMAGE: '/home/shop/Apps/QR-Counter-Terminal.AppImage' } }));
    expect(plan.kind === 'xdg-autostart' && plan.contents).toContain('\nExec=/home/shop/Apps/QR-Counter-Terminal.AppImage\n');
  });

  it('Linux: honours an absolute XDG_CONFIG_HOME and ignores a relative one', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/srv/shop-config' }, '/home/shop')).toBe('/srv/shop-config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/config' }, '/home/shop')).toBe('/home/shop/.config/autostart');
    expect(autostartDir({}, '/home/shop')).toBe('/home/shop/.config/autostart');
  });

  it.each([true, false])('from a checkout (npm start), asks nothing whatever the setting (%s): node_modules’ Electron must not start at login', (openAtLogin) => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(planLoginItem(context({ platform, openAtLogin, packaged: false }))).toMatchObject({ kind: 'none', reason: expect.stringContaining('installed app') as unknown });
    }
  });

  it('says so on a platform without login items', () => {
    expect(planLoginItem(context({ platform: 'freebsd' }))).toEqual({ kind: 'none', reason: 'start at login is not supported on freebsd' });
  });

  it('refuses a path a desktop entry cannot hold, rather than writing a broken one', () => {
    expect(planLoginItem(context({ execPath: '/opt/odd\nname/app' }))).toMatchObject({ kind: 'none', reason: expect.stringContaining('line break') as unknown });
  });
});

describe('Exec quoting (Desktop Entry spec)', () => {
  it.each([
    ['/usr/bin/qr-counter-terminal', '/usr/bin/qr-counter-terminal'],
    ['/opt/QR Counter Terminal/app', '"/opt/QR Counter Terminal/app"'],
    ['/opt/a"b/app', '"/opt/a\\\\"b/app"'],
    ['/opt/$HOME/app', '"/opt/\\\\$HOME/app"'],
    ['/opt/back\\slash', '"/opt/back\\\\\\\\slash"'],
    ['/opt/100%/app', '/opt/100%%/app'],
    ['/opt/it’s/app', '/opt/it’s/app'],
    ["/opt/it's/app", '"/opt/it\'s/app"'],
  ])('%s → %s', (arg, expected) => {
    expect(execArgument(arg)).toEqual({ ok: true, value: expected });
  });

  it('quotes every argument on its own', () => {
    const entry = desktopEntry('Shop', ['/opt/my app/run', '--flag']);
    expect(entry.ok && entry.value).toContain('\nExec="/opt/my app/run" --flag\n');
  });
});

describe('applyXdgAutostart', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'autostart-'));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  const planFor = (openAtLogin: boolean) => {
    const plan = planLoginItem(context({ openAtLogin, homeDir: home }));
    if (plan.kind !== 'xdg-autostart') throw new Error(`expected an autostart plan, got ${plan.kind}`);
    return plan;
  };

  it('creates ~/.config/autostart and the entry, readable by the desktop (0644), then leaves it alone', () => {
    const plan = planFor(true);
    expect(applyXdgAutostart(plan.file, plan.contents)).toEqual({ ok: true, value: 'written' });
    expect(plan.file).toBe(join(home, '.config/autostart/qr-counter-terminal.desktop'));
    expect(readFileSync(plan.file, 'utf8')).toBe(plan.contents);
    expect(statSync(plan.file).mode & 0o777).toBe(0o644);
    expect(applyXdgAutostart(plan.file, plan.contents)).toEqual({ ok: true, value: 'unchanged' });
    expect(readdirSync(join(home, '.config/autostart'))).toEqual(['qr-counter-terminal.desktop']);
  });

  it('rewrites an entry that differs (the app moved), and removes it when turned off', () => {
    const on = planFor(true);
    mkdirSync(join(home, '.config/autostart'), { recursive: true });
    writeFileSync(on.file, '[Desktop Entry]\nExec=/old/place\n');
    expect(applyXdgAutostart(on.file, on.contents)).toEqual({ ok: true, value: 'written' });
    expect(readFileSync(on.file, 'utf8')).toBe(on.contents);
    const off = planFor(false);
    expect(applyXdgAutostart(off.file, off.contents)).toEqual({ ok: true, value: 'removed' });
    expect(existsSync(off.file)).toBe(false);
    expect(applyXdgAutostart(off.file, off.contents)).toEqual({ ok: true, value: 'unchanged' });
  });

  it('touches no other autostart entry', () => {
    const other = join(home, '.config/autostart/someone-else.desktop');
    mkdirSync(join(home, '.config/autostart'), { recursive: true });
    writeFileSync(other, '[Desktop Entry]\n');
    const on = planFor(true);
    applyXdgAutostart(on.file, on.contents);
    applyXdgAutostart(on.file, null);
    expect(readdirSync(join(home, '.config/autostart'))).toEqual(['someone-else.desktop']);
  });

  it('answers a failure with a sentence naming the file', () => {
    // ~/.config is a file here, so the folder cannot be made.
    writeFileSync(join(home, '.config'), 'not a folder');
    const plan = planFor(true);
    const result = applyXdgAutostart(plan.file, plan.contents);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Start at login could not be set up in .*qr-counter-terminal\.desktop: /);
  });
});
