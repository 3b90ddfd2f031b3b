import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../app/ipc/devices';
import { isOrangepillStatus } from '../../app/providers/orangepill/orangepill-api';
import { orangepillStatusWords } from '../../app/providers/orangepill/orangepill-status-words';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { orangepillMethodInfo } from '../../app/providers/orangepill/orangepill-method';
import { DEMO_METHOD } from '../../app/providers/demo/demo-client';
import { unknownStatus, type PrinterStatus } from '../../electron/devices/printer/printer-status';
import { createDeviceStatusBoard, NO_POLE_DISPLAY, NO_PRINTER } from '../../electron/service/devices/device-status';
import { printerReport, type PrinterNamed } from '../../electron/service/devices/printer-report';
import { deviceSavedAnswer, deviceSaveRefusal } from '../../renderer/cashier/devices/device-words';
import { jargonIn } from '../support/jargon';
import { REPO_ROOT } from '../support/paths';

/*
 * Cashier text carries no setting paths, protocol names, file paths or a provider's raw status codes
 * (issue 18, "Words"): those belong under a Details part. Checked twice: every literal in the files
 * that write what the cashier reads, and the sentences those producers return for each case.
 */

/** Where the words a cashier reads are written. The device bar's chips are another helper's, but its data is checked below. */
const PRODUCERS = ['renderer/cashier', 'renderer/shared', 'electron/service/devices', 'electron/devices/device-path.ts', 'electron/devices/device-settings-paths.ts'];

function filesUnder(path: string): string[] {
  const full = join(REPO_ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(full, name));
}

const isDetails = (node: ts.Node): boolean =>
  ts.isJsxElement(node) && ts.isIdentifier(node.openingElement.tagName) && node.openingElement.tagName.text === 'details';

/** Property names ("printer.connection.host": …) and imports are code, not words. */
const isCode = (node: ts.Node): boolean =>
  ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || (node.parent !== undefined && ts.isPropertyAssignment(node.parent) && node.parent.name === node);

/** Every string, template and JSX text in a file, except inside <details> (the technician's part). */
function wordsIn(file: string, text: string = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isDetails(node) || isCode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … '));
    else if (ts.isJsxText(node) && node.text.trim() !== '') found.push(node.text.trim());
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the scanner', () => {
  it.each([
    'No pole display is set up (poleDisplay.port in settings).',
    'No receipt printer is set up: choose how it is connected in settings (printer.connection)',
    'saveDeviceSettings: printer.connection.host must be the printer\u2019s IP address or host name',
    'Printed by the printer (GS ( k)',
    'Saved in /var/lib/terminal/screen-settings.json; the terminal restarted with them',
    'CREATED 10:01:02',
    'Paid INCOMPLETE',
  ])('catches %j', (text) => {
    expect(jargonIn(text)).not.toEqual([]);
  });

  it('leaves plain sentences, currencies and device paths alone', () => {
    expect(jargonIn('Saved; the devices restarted with it. SGD 12.34 on /dev/ttyUSB0, as a PNG or JPEG picture. Check it in settings.')).toEqual([]);
  });

  it('reads strings, templates and JSX text, and skips only what sits under a <details> part', () => {
    const sample = [
      "const said = `Saved in ${where}; restarted`;",
      "const rule = { 'printer.connection.host': 'The host' };",
      'export const View = () => (<div title="No printer (printer.connection in settings)"><p>Partly paid, CREATED</p>',
      '<details><summary>Details</summary>INCOMPLETE <code>{`${dir}/devices.json`}</code></details></div>);',
    ].join('\n');
    const words = wordsIn('sample.tsx', sample);
    expect(words).toEqual(['Saved in  … ; restarted', 'The host', 'No printer (printer.connection in settings)', 'Partly paid, CREATED']);
    expect(words.flatMap(jargonIn)).toHaveLength(2);
  });
});

describe('cashier text producers', () => {
  const files = PRODUCERS.flatMap(filesUnder);

  it('finds the producers', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('write no jargon outside a Details part', () => {
    const hits = files.flatMap((file) => wordsIn(file).flatMap((words) => jargonIn(words).map((hit) => `${relative(REPO_ROOT, file)}: ${hit}`)));
    expect(hits).toEqual([]);
  });
});

describe('what the producers say, case by case', () => {
  const statuses: readonly PrinterStatus[] = [
    unknownStatus('not asked yet'),
    { known: true, online: true, error: false, coverOpen: false, paperOut: false, paperNearEnd: false, ready: true, messages: [] },
    { known: true, online: false, error: false, coverOpen: false, paperOut: true, paperNearEnd: false, ready: false, messages: ['Out of paper'] },
  ];
  const printers: readonly PrinterNamed[] = [{ kind: 'real', where: '192.168.1.50:9100' }, { kind: 'virtual' }];

  it('the device reports', () => {
    const board = createDeviceStatusBoard([{ id: 'atome', provider: opnMethodInfo(false).provider }, { id: 'orangepill', provider: 'Orangepill' }], () => undefined);
    const { printer, poleDisplay, customerDisplay, journal, providers } = board.current();
    const reports: DeviceReport[] = [NO_PRINTER, NO_POLE_DISPLAY, printer, poleDisplay, customerDisplay, journal, ...providers];
    for (const status of statuses) for (const printer of printers) for (const failure of [null, 'The printer did not answer']) reports.push(printerReport(status, printer, failure));
    const words = reports.flatMap((r) => [r.summary, r.detail]);
    expect(words.flatMap(jargonIn)).toEqual([]);
  });

  it('the demo printer is named as what "No printer" means, not by an address', () => {
    const ready = printerReport(statuses[1] as PrinterStatus, { kind: 'virtual' }, null);
    expect(ready).toMatchObject({ health: 'ok' });
    expect(ready.detail).toMatch(/^No receipt printer is set up, so the demo prints to its virtual printer/);
  });

  it('each Orangepill status in words', () => {
    for (const status of ['CREATED', 'DONE', 'PENDING', 'ACCEPTED', 'CANCELLED', 'INCOMPLETE', 'PROCESSING', 'OVERPAID', 'LATE', 'FAILED', 'REFUND', 'REFUNDED', 'ERROR', 'COMPLETED']) {
      expect(isOrangepillStatus(status)).toBe(true);
      expect(jargonIn(orangepillStatusWords(status))).toEqual([]);
    }
  });

  it('the methods, with one name each: the provider a cashier reads about is the method', () => {
    const methods = [DEMO_METHOD, opnMethodInfo(false), opnMethodInfo(true), orangepillMethodInfo(false)];
    expect(methods.flatMap((m) => [m.label, m.provider, m.instruction, m.refunds.rule]).flatMap(jargonIn)).toEqual([]);
    expect(opnMethodInfo(false)).toMatchObject({ label: 'Atome', provider: 'Atome' });
  });

  it('a refused device save names the field as the panel labels it; the path stays under Details', () => {
    const refusal = deviceSaveRefusal({
      code: 'invalid_args',
      message: "saveDeviceSettings: printer.connection.host must be the printer's IP address or host name",
      fields: { 'printer.connection.host': "must be the printer's IP address or host name" },
    });
    expect(refusal).toEqual({
      ok: false,
      text: "The printer's host must be the printer's IP address or host name.",
      details: "saveDeviceSettings: printer.connection.host must be the printer's IP address or host name",
    });
    expect(jargonIn(refusal.text)).toEqual([]);
    const saved = deviceSavedAnswer('/var/lib/terminal/devices.json');
    expect(jargonIn(saved.text)).toEqual([]);
    expect(saved.details).toBe('Saved in /var/lib/terminal/devices.json');
  });
});
