import { homedir } from 'node:os';
import { app } from 'electron';
import type { Logger } from '../service/logging/logger';
import type { TerminalService } from '../service/terminal/terminal-service';
import { applyXdgAutostart, planLoginItem } from './login-item';

/** The name of the Linux executable and of its XDG autostart entry (electron-builder.yml's linux.executableName). */
const LINUX_NAME = 'qr-counter-terminal';

/** `startup.openAtLogin`, applied through Electron on macOS and Windows and an XDG autostart entry on Linux. */
function applyLoginItem(openAtLogin: boolean, log: Logger, productName: string): void {
  const plan = planLoginItem({
    platform: process.platform,
    openAtLogin,
    packaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    homeDir: homedir(),
    productName,
    desktopName: LINUX_NAME,
  });
  switch (plan.kind) {
    case 'electron':
      app.setLoginItemSettings({
        openAtLogin: plan.settings.openAtLogin,
        ...(plan.settings.path === undefined ? {} : { path: plan.settings.path }),
        ...(plan.settings.args === undefined ? {} : { args: [...plan.settings.args] }),
      });
      log.log('info', 'start at login', { openAtLogin });
      return;
    case 'xdg-autostart': {
      const applied = applyXdgAutostart(plan.file, plan.contents);
      if (applied.ok) log.log('info', 'start at login', { openAtLogin, autostart: plan.file, change: applied.value });
      else log.log('error', 'start at login not applied', { openAtLogin, error: applied.error });
      return;
    }
    case 'none':
      log.log('info', 'start at login not applied', { openAtLogin, reason: plan.reason });
      return;
    default:
      return plan satisfies never;
  }
}

/** Start at login follows the setting, now and whenever the settings screen changes it; returns the unsubscribe. */
export function followLoginItem(service: TerminalService, log: Logger, productName: string): () => void {
  let openAtLogin = service.settings.startup.openAtLogin;
  applyLoginItem(openAtLogin, log, productName);
  return service.subscribe((event) => {
    if (event !== 'terminal' || service.settings.startup.openAtLogin === openAtLogin) return;
    openAtLogin = service.settings.startup.openAtLogin;
    applyLoginItem(openAtLogin, log, productName);
  });
}
