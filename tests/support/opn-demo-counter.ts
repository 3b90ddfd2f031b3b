import type { Browser } from 'playwright-core';
import type { MethodId } from '../../app/payment/method';
import type { OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { launchChromium } from './chromium';
import { startInProcessTerminal, type InProcessTerminal } from './in-process-terminal';
import { openScreens, type Screens } from './screens';

/** A counter in demo mode with Opn's QR methods, both screens open in Chromium, printing to the virtual printer. */
export interface OpnDemoCounter {
  readonly terminal: InProcessTerminal;
  /** The one simulated Opn account behind every Opn method of the demo. */
  readonly sim: OpnSimulator;
  readonly printer: VirtualPrinter;
  readonly browser: Browser;
  readonly screens: Screens;
  /** Closes the screens, Chromium and the terminal, in that order. */
  close(): Promise<void>;
}

/**
 * Starts the real terminal in this process with `settings` (whose demo.methods name Opn methods, `simOf`
 * among them), then Chromium with the cashier screen and the display. What was started is closed again
 * if a later step fails, so a failed set-up leaves nothing running.
 */
export async function startOpnDemoCounter(settings: Record<string, unknown>, simOf: MethodId): Promise<OpnDemoCounter> {
  const terminal = await startInProcessTerminal(settings);
  let browser: Browser | undefined;
  try {
    const sim = terminal.service.simulators.get(simOf) as OpnSimulator | undefined;
    if (sim === undefined) throw new Error(`demo mode runs no simulator for ${simOf}`);
    const printer = terminal.service.virtualPrinter;
    if (printer === null) throw new Error('demo mode should print to its virtual printer');
    browser = await launchChromium();
    const started = browser;
    const screens = await openScreens(started, terminal.host.urls);
    return {
      terminal,
      sim,
      printer,
      browser: started,
      screens,
      close: async () => {
        await screens.close();
        await started.close();
        await terminal.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await terminal.close();
    throw error;
  }
}
