import type { CommandName } from './contract';
import type { ManagerAction } from '../i18n/said/staff';

/**
 * Who may run each command once staff are listed (with no staff, anyone at the counter may run any):
 * `anyone` needs nobody signed in, `operator` needs a signed-in person, `manager` needs a manager, either
 * signed in or approving on the spot with their PIN. A Record, so a new command breaks the build until
 * it is placed here. Refunds are `operator`, and need a manager as the shop's refund rule says.
 */
export type Access = 'anyone' | 'operator' | 'manager';

export const COMMAND_ACCESS: Readonly<Record<CommandName, Access>> = {
  getSnapshot: 'anyone',
  signIn: 'anyone',
  resumeSession: 'anyone',
  signOut: 'anyone',
  getStaff: 'anyone',
  charge: 'operator',
  refund: 'operator',
  cancel: 'operator',
  dismiss: 'operator',
  markReturned: 'operator',
  keepLate: 'operator',
  demoSimulate: 'operator',
  lookupRequest: 'operator',
  printSlip: 'operator',
  printTest: 'operator',
  getDeviceSettings: 'operator',
  testPoleDisplay: 'operator',
  listSerialPorts: 'operator',
  listPayments: 'operator',
  paymentDetail: 'operator',
  exportPaymentsCsv: 'operator',
  endOfDay: 'operator',
  listDayReports: 'operator',
  reprintDayReport: 'operator',
  exportDayReportCsv: 'operator',
  getSettings: 'operator',
  closeDay: 'manager',
  saveDeviceSettings: 'manager',
  saveSettings: 'manager',
  testConnection: 'manager',
  saveStaff: 'manager',
  park: 'operator',
  listParked: 'operator',
  checkNow: 'operator',
  acknowledgeParked: 'operator',
  resolveParked: 'manager',
  listDisplays: 'operator',
  approveDisplay: 'manager',
  revokeDisplay: 'manager',
  listPosClients: 'operator',
  createPosClient: 'manager',
  revokePosClient: 'manager',
  getPosOffer: 'operator',
  takePosOffer: 'operator',
  declinePosOffer: 'operator',
  getPosApiStatus: 'operator',
  newPosCertificate: 'manager',
};

/**
 * What the manager's approval is for, in the words of "A manager's PIN is needed to …": one per
 * action the cashier screen words (app/i18n/said/staff.ts), and the English it words them in.
 */
export const MANAGER_ACTION: Readonly<Record<ManagerAction, string>> = {
  refund: 'refund',
  closeDay: 'close the day',
  saveDeviceSettings: 'change the device settings',
  saveSettings: 'change the settings',
  testConnection: 'test a provider key',
  saveStaff: 'change the staff list',
  resolveParked: 'mark a parked sale resolved as not paid',
  approveDisplay: 'pair a customer display',
  revokeDisplay: 'unpair a customer display',
  createPosClient: 'create a POS key',
  revokePosClient: 'revoke a POS key',
  newPosCertificate: "replace the POS API's certificate",
};

/** The manager's action a command is, in those words; undefined for a command no approval is asked for. */
export function managerActionWords(command: CommandName): string | undefined {
  const byCommand: Readonly<Partial<Record<CommandName, string>>> = MANAGER_ACTION;
  return byCommand[command];
}
