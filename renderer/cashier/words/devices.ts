import type { DeviceSettingProblem } from '../../../app/settings/device-setting-problems';

/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface DeviceWords {
  readonly receiptPreview: string;
  /** The devices by name, as the device bar's chips and the Devices panel's sections both call them. */
  readonly names: {
    readonly journal: string;
    readonly printer: string;
    readonly receiptPrinter: string;
    readonly poleDisplay: string;
    readonly customerDisplay: string;
    readonly customerDisplays: string;
  };
  /** A device that is not there, as the terminal says it ("No printer") and the forms offer it. */
  readonly absent: {
    readonly journal: string;
    readonly printer: string;
    readonly poleDisplay: string;
    readonly customerDisplay: string;
  };
  /** A chip's state in a word or two, under the device's name. */
  readonly chip: {
    readonly havingTrouble: string;
    readonly notWorking: string;
    readonly notSetUp: string;
    readonly notCheckedYet: string;
    readonly checking: string;
    readonly noStatus: string;
  };
  /** The device bar's own list name and the Devices panel's title. */
  readonly devices: string;
  readonly openDevices: string;
  readonly panel: {
    readonly close: string;
    readonly printTestQr: string;
    readonly printCounterCard: string;
    readonly testDisplay: string;
    readonly listSerialPorts: string;
    readonly noSerialPorts: string;
    readonly poleTestShown: string;
    readonly save: string;
  };
  readonly printerForm: {
    readonly legend: string;
    readonly connection: string;
    readonly noneDemo: string;
    readonly network: string;
    readonly serial: string;
    readonly usbDevice: string;
    readonly host: string;
    readonly port: string;
    readonly device: string;
    readonly baudRate: string;
    readonly paper: string;
    readonly paper58: string;
    readonly paper80: string;
    readonly qrCode: string;
    readonly qrNative: string;
    readonly qrRaster: string;
    readonly autoQrSlip: string;
    readonly withoutDisplay: string;
    readonly always: string;
    readonly never: string;
    readonly autoReceipt: string;
  };
  readonly poleForm: {
    readonly legend: string;
    readonly serialPort: string;
    readonly commandSet: string;
    readonly epson: string;
    readonly logicControls: string;
    readonly plain: string;
    readonly welcome1: string;
    readonly welcome2: string;
  };
  /** A save's answer: each refused field by the name the panel shows it under. */
  readonly saving: {
    readonly printerConnection: string;
    readonly printerHost: string;
    readonly printerPort: string;
    readonly printerDevice: string;
    readonly printerBaudRate: string;
    readonly printerPaper: string;
    readonly printerQr: string;
    readonly polePort: string;
    readonly poleBaudRate: string;
    readonly poleCommandSet: string;
    readonly welcomeText: string;
    readonly anySetting: string;
    /** A field's name and what is wrong with it (from `problems`, or the terminal's own English). */
    readonly fieldProblem: (field: string, problem: string) => string;
    /** Each problem the device settings check can find (app/settings/device-setting-problems.ts), said after the field's name. */
    readonly problems: Readonly<Record<DeviceSettingProblem, string>>;
    /** What was typed, after a path's problem: ", got foo". */
    readonly got: (typed: string) => string;
    readonly savedForRun: string;
    readonly savedRestarted: string;
    readonly savedIn: (file: string) => string;
  };
  readonly pairing: {
    readonly openBefore: string;
    readonly openAfter: string;
    readonly notKept: string;
    readonly noneYet: string;
    readonly paired: (name: string) => string;
    readonly unpaired: (name: string) => string;
    readonly connectedNow: string;
    readonly notConnectedYet: string;
    readonly lastSeen: (when: string) => string;
    readonly pairedAt: (when: string) => string;
    readonly unpair: string;
    readonly unpairName: (name: string) => string;
    readonly code: string;
    readonly name: string;
    readonly namePlaceholder: string;
    readonly pair: string;
    /** A field of the pairing form the terminal refused: its label, then the problem ("Name: must not be empty…"). */
    readonly fieldProblem: (field: string, problem: string) => string;
  };
  readonly print: {
    readonly qrSlip: string;
    readonly receipt: string;
    readonly refundSlip: string;
    readonly reprint: string;
  };
}
