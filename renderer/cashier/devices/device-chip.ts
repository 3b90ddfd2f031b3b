import type { DeviceHealth, DeviceReport } from '../../../app/ipc/devices';
import { assertNever } from '../../../app/util/assert-never';
import type { Told } from '../shared/told';
import type { DeviceWords } from '../words/devices';
import { en as english } from '../words/en/devices';
import { summaryTold } from './device-told';

/** What one chip of the device bar says: the device's name, and its state in a word or two when not fine. */
export interface ChipWords {
  readonly name: string;
  readonly state: string | null;
}

/** A mark that does not rely on colour alone; none of them looks like a loading spinner. */
export function chipMark(health: DeviceHealth): string {
  switch (health) {
    case 'ok':
      return '●';
    case 'attention':
      return '▲';
    case 'fault':
      return '✕';
    case 'off':
      return '○';
    case 'unknown':
      return '◌';
    default:
      return assertNever(health, 'device health');
  }
}

/**
 * A payment method's chip, named as the Method picker names it ("Atome", never the provider "Opn").
 * Its state stays short; the sentence with the reason is a tap away, in the Devices panel and the tooltip.
 */
export function methodChip(label: string, health: DeviceHealth, words: DeviceWords): ChipWords {
  // The demo banner already says every method is simulated: the chip keeps the name itself, and its width.
  const name = label.replace(/ \(simulated\)$/, '');
  switch (health) {
    case 'ok':
      return { name, state: null };
    case 'attention':
      return { name, state: words.chip.havingTrouble };
    case 'fault':
      return { name, state: words.chip.notWorking };
    case 'off':
      return { name, state: words.chip.notSetUp };
    case 'unknown':
      // Providers are asked only when a payment needs them: until then nothing is being checked.
      return { name, state: words.chip.notCheckedYet };
    default:
      return assertNever(health, 'device health');
  }
}

/** The devices the bar and the Devices panel report on, by their name in the catalog. */
export type DeviceKey = 'journal' | 'printer' | 'poleDisplay' | 'customerDisplay';

/**
 * The terminal's few words about a device, as the bar and the Devices panel both show them, in the
 * cashier's language: as the terminal said them (`summarySaid`), else, where they are only the
 * device's name ("Journal") or say it is not set up ("No printer"), from the catalog; any other
 * English (from an older terminal) is shown as it is.
 */
export function deviceSummary(device: DeviceKey, report: DeviceReport, words: DeviceWords, say: (told: Told) => string): string {
  if (report.summarySaid !== undefined) return say(summaryTold(report));
  const known: readonly (readonly [string, string])[] = [
    [english.names[device], words.names[device]],
    [english.absent[device], words.absent[device]],
  ];
  return known.find(([said]) => said === report.summary)?.[1] ?? report.summary;
}

/**
 * A device's chip: the terminal's own few words when they say something ("Printer: out of paper",
 * "2 customer displays"), else the device's name and what its state means ("Not set up",
 * "Checking…", "No status"). The terminal's words are English: "No …" and "connecting" are read as
 * it writes them.
 */
export function deviceChip(device: DeviceKey, report: DeviceReport, words: DeviceWords, say: (told: Told) => string): ChipWords {
  const name = words.names[device];
  switch (report.health) {
    case 'ok':
    case 'attention':
    case 'fault':
      return { name: deviceSummary(device, report, words, say), state: null };
    case 'off':
      // "No printer", "No pole display": not set up; "Pole display stopped" says more than that.
      return report.summary.startsWith('No ') ? { name, state: words.chip.notSetUp } : { name: deviceSummary(device, report, words, say), state: null };
    case 'unknown':
      // The pole display is being opened ("Pole display: connecting"); a printer that reports no status never will.
      return { name, state: /connecting/i.test(report.summary) ? words.chip.checking : words.chip.noStatus };
    default:
      return assertNever(report.health, 'device health');
  }
}

const SEVERITY: Readonly<Record<DeviceHealth, number>> = { fault: 0, attention: 1, ok: 2, off: 2, unknown: 2 };

/** Chips that need the cashier first (the order is otherwise kept), so a narrow row never hides a fault off to the side. */
export function problemsFirst<T extends { readonly report: { readonly health: DeviceHealth } }>(chips: readonly T[]): T[] {
  return [...chips].sort((a, b) => SEVERITY[a.report.health] - SEVERITY[b.report.health]);
}
