import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../app/ipc/contract';
import type { DeviceReport } from '../../app/ipc/devices';
import { deviceChip, deviceSummary, methodChip } from '../../renderer/cashier/devices/device-chip';
import { deviceSavedAnswer, deviceSaveRefusal } from '../../renderer/cashier/devices/device-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import type { Told } from '../../renderer/cashier/shared/told';
import type { CashierLanguage } from '../../app/i18n/languages';
import { DEVICE_SETTING_PROBLEMS } from '../../app/settings/device-setting-problems';

const en = CASHIER_WORDS.en.devices;
const ms = CASHIER_WORDS.ms.devices;
const zh = CASHIER_WORDS['zh-Hans'].devices;
const sayIn = (language: CashierLanguage) => (told: Told): string => toldText(told, CASHIER_WORDS[language], saidFormat(null));
const say = { en: sayIn('en'), ms: sayIn('ms'), zh: sayIn('zh-Hans') };

const report = (health: DeviceReport['health'], summary: string): DeviceReport => ({ health, summary, detail: 'What to do.' });

describe('device chips', () => {
  it('show the terminal\'s own words when they say something, else the name and a state in English', () => {
    expect(deviceChip('printer', report('attention', 'Printer: out of paper'), en, say.en)).toEqual({ name: 'Printer: out of paper', state: null });
    expect(deviceChip('printer', report('off', 'No printer'), en, say.en)).toEqual({ name: 'Printer', state: 'Not set up' });
    expect(deviceChip('poleDisplay', report('off', 'Pole display stopped'), en, say.en)).toEqual({ name: 'Pole display stopped', state: null });
    expect(deviceChip('poleDisplay', report('unknown', 'Pole display: connecting'), en, say.en)).toEqual({ name: 'Pole display', state: 'Checking…' });
    expect(deviceChip('printer', report('unknown', 'Printer'), en, say.en)).toEqual({ name: 'Printer', state: 'No status' });
  });

  it('name a method as the picker does, without "(simulated)", with its state in a word or two', () => {
    expect(methodChip('Atome (simulated)', 'ok', en)).toEqual({ name: 'Atome', state: null });
    expect(methodChip('Atome', 'attention', en)).toEqual({ name: 'Atome', state: 'Having trouble' });
    expect(methodChip('Atome', 'fault', en)).toEqual({ name: 'Atome', state: 'Not working' });
    expect(methodChip('Atome', 'off', en)).toEqual({ name: 'Atome', state: 'Not set up' });
    expect(methodChip('Orangepill', 'unknown', en)).toEqual({ name: 'Orangepill', state: 'Not checked yet' });
  });

  it('say the state in Malay and Chinese, with the same words the Devices panel uses for the device', () => {
    expect(deviceChip('printer', report('off', 'No printer'), ms, say.ms)).toEqual({ name: 'Pencetak', state: 'Belum disediakan' });
    expect(deviceChip('poleDisplay', report('unknown', 'Pole display: connecting'), zh, say.zh)).toEqual({ name: '杆式显示屏', state: '检查中…' });
    expect(deviceChip('journal', report('ok', 'Journal'), ms, say.ms)).toEqual({ name: 'Jurnal', state: null });
    expect(deviceChip('printer', report('fault', 'Printer: out of paper'), zh, say.zh)).toEqual({ name: 'Printer: out of paper', state: null });
    expect(methodChip('Atome', 'fault', ms)).toEqual({ name: 'Atome', state: 'Tidak berfungsi' });
    expect(methodChip('Orangepill', 'unknown', zh)).toEqual({ name: 'Orangepill', state: '尚未检查' });
  });
});

describe('a device\'s summary, as the chip and the panel show it', () => {
  it('is the terminal\'s own in English', () => {
    expect(deviceSummary('printer', report('ok', 'Printer'), en, say.en)).toBe('Printer');
    expect(deviceSummary('printer', report('off', 'No printer'), en, say.en)).toBe('No printer');
  });

  it('is in the cashier\'s language where it only names the device or says it is not set up, else the terminal\'s own', () => {
    expect(deviceSummary('customerDisplay', report('ok', 'Customer display'), zh, say.zh)).toBe('顾客显示屏');
    expect(deviceSummary('poleDisplay', report('off', 'No pole display'), ms, say.ms)).toBe('Tiada paparan tiang');
    expect(deviceSummary('printer', report('off', 'No printer'), zh, say.zh)).toBe('无打印机');
    expect(deviceSummary('customerDisplay', report('attention', 'No customer display'), ms, say.ms)).toBe('Tiada paparan pelanggan');
    expect(deviceSummary('customerDisplay', report('ok', '2 customer displays'), ms, say.ms)).toBe('2 customer displays');
  });
});

describe('the Devices panel\'s save answers', () => {
  const refused: ApiError = {
    code: 'invalid_args',
    message: "printer.connection.host: must be the printer's IP address or host name",
    fields: { 'printer.connection.host': "must be the printer's IP address or host name" },
  };

  it('name a refused field by its label, the path only under Details', () => {
    expect(deviceSaveRefusal(refused, en, say.en)).toEqual({ ok: false, text: "The printer's host must be the printer's IP address or host name.", details: refused.message });
    expect(deviceSaveRefusal({ ...refused, fields: { 'printer.somethingNew': 'is not a setting' } }, en, say.en).text).toBe('A device setting is not a setting.');
    expect(deviceSaveRefusal({ ...refused, fields: { 'poleDisplay.welcome.1.0': 'is too long' } }, en, say.en).text).toBe('Welcome, line 2 is too long.');
    expect(deviceSaveRefusal({ ...refused, fields: { 'printer.connection.path': 'The printer path /dev/null is not allowed' } }, en, say.en).text).toBe('The printer path /dev/null is not allowed');
    expect(deviceSaveRefusal({ code: 'internal', message: 'The disk is full' }, en, say.en)).toEqual({ ok: false, text: 'The disk is full' });
  });

  it('name the field and say its problem in Malay and Chinese, with what was typed', () => {
    expect(deviceSaveRefusal(refused, ms, say.ms).text).toBe('Hos pencetak: mesti alamat IP atau nama hos pencetak.');
    expect(deviceSaveRefusal(refused, zh, say.zh).text).toBe('打印机主机：必须是打印机的 IP 地址或主机名。');
    const port = { ...refused, fields: { 'printer.connection.port': DEVICE_SETTING_PROBLEMS.port } };
    expect(deviceSaveRefusal(port, ms, say.ms).text).toBe('Port pencetak: mesti nombor port dari 1 hingga 65535.');
    const path = { ...refused, fields: { 'poleDisplay.port.path': `${DEVICE_SETTING_PROBLEMS.pathNotAbsolute}, got ttyUSB0` } };
    expect(deviceSaveRefusal(path, zh, say.zh).text).toBe('杆式显示屏串口：必须是完整的设备路径（如 /dev/ttyUSB0）或 COM 端口（如 COM3）（输入的是：ttyUSB0）。');
    const bad = { ...refused, fields: { 'printer.retries': DEVICE_SETTING_PROBLEMS.retries } };
    expect(deviceSaveRefusal(bad, en, say.en).text).toBe('A device setting must be a whole number from 0 to 5.');
  });

  it('a refused device path is worded from its Said, in Malay and Chinese; a field Said of another kind keeps the label', () => {
    const sentence = 'The printer path /etc/passwd is not a device: it is a regular file.';
    const said = { area: 'devices', kind: 'device_path_refused', device: 'printer', path: '/etc/passwd', refused: { why: 'not_a_device', resolved: null, is: 'file' }, choose: false } as const;
    const pathRefused: ApiError = { code: 'invalid_args', message: sentence, fields: { 'printer.connection.path': sentence }, fieldsSaid: { 'printer.connection.path': said } };
    expect(deviceSaveRefusal(pathRefused, en, say.en)).toEqual({ ok: false, text: sentence });
    expect(deviceSaveRefusal(pathRefused, ms, say.ms)).toEqual({ ok: false, text: 'Laluan pencetak /etc/passwd bukan peranti: ia ialah fail biasa.', details: sentence });
    expect(deviceSaveRefusal(pathRefused, zh, say.zh).text).toBe('打印机路径 /etc/passwd 不是设备：它是普通文件。');
    const welcome: ApiError = {
      ...refused,
      fields: { 'poleDisplay.welcome.0': 'is too long' },
      fieldsSaid: { 'poleDisplay.welcome.0': { area: 'settings', kind: 'field_too_long', max: 20, hint: 'none' } },
    };
    expect(deviceSaveRefusal(welcome, en, say.en).text).toBe('Welcome, line 1 is too long.');
  });

  it('a refusal with no fields is worded as the terminal said it', () => {
    const saleOn: ApiError = { code: 'invalid_state', message: 'x', said: { area: 'devices', kind: 'printer_not_set_up', detail: false } };
    expect(deviceSaveRefusal(saleOn, ms, say.ms).text).toBe(CASHIER_WORDS.ms.said.devices.printer_not_set_up({ area: 'devices', kind: 'printer_not_set_up', detail: false }, saidFormat(null)));
  });

  it('say saved, and where only under Details, in each language', () => {
    expect(deviceSavedAnswer('/data/devices.json', en)).toEqual({ ok: true, text: 'Saved; the devices restarted with it', details: 'Saved in /data/devices.json' });
    expect(deviceSavedAnswer(null, en)).toEqual({ ok: true, text: 'Saved for this run (this terminal keeps no settings file)' });
    expect(deviceSavedAnswer('/data/devices.json', ms)).toEqual({ ok: true, text: 'Disimpan; peranti dimulakan semula dengan tetapan baharu', details: 'Disimpan dalam /data/devices.json' });
    expect(deviceSavedAnswer(null, zh).text).toBe('已保存，仅本次运行有效（本终端不保存设置文件）');
  });
});
