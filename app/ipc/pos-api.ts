import type { ApiResult, CommandArgs, CommandName, CommandResults, EventName, EventPayloads } from './contract';
import type { Approval } from './staff-schemas';

/** What carries commands and events: Electron IPC in the preload, a WebSocket in the browser. */
export interface ApiTransport {
  invoke(command: CommandName, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** One method per command, named as the command, answering its result: nothing more, nothing less. */
type CommandMethods = { readonly [K in CommandName]: (...args: never[]) => Promise<ApiResult<CommandResults[K]>> };
/** One `on…` method per event ("payment" → `onPayment`), handing the listener that event's payload. */
type EventMethods = { readonly [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void };
/** The shape the contract asks of the screens' API; `satisfies` below makes a missing, extra or mistyped method a build error. */
export type PosApiShape = CommandMethods & EventMethods;

/**
 * The screens' API: one named method per operation. The preload exposes exactly this object,
 * so its type (`PosApi`) is derived from this implementation, not written by hand.
 */
export function createPosApi(transport: ApiTransport) {
  const call = <K extends CommandName>(command: K, args: CommandArgs<K>) =>
    transport.invoke(command, args) as Promise<ApiResult<CommandResults[K]>>;
  /** A manager's command: a manager's PIN given on the spot rides along as `approval` (checked in main). */
  const approved = <K extends CommandName>(command: K, args: CommandArgs<K>, approval: Approval | undefined) =>
    transport.invoke(command, approval === undefined ? args : { ...args, approval }) as Promise<ApiResult<CommandResults[K]>>;
  const on =
    <E extends EventName>(event: E) =>
    (listener: (payload: EventPayloads[E]) => void): (() => void) =>
      transport.subscribe(event, listener as (payload: unknown) => void);

  return {
    getSnapshot: () => call('getSnapshot', {}),
    charge: (args: CommandArgs<'charge'>) => call('charge', args),
    cancel: (args: CommandArgs<'cancel'>) => call('cancel', args),
    refund: (args: CommandArgs<'refund'>, approval?: Approval) => approved('refund', args, approval),
    dismiss: (args: CommandArgs<'dismiss'>) => call('dismiss', args),
    markReturned: (args: CommandArgs<'markReturned'>) => call('markReturned', args),
    keepLate: (args: CommandArgs<'keepLate'>) => call('keepLate', args),
    demoSimulate: (args: CommandArgs<'demoSimulate'>) => call('demoSimulate', args),
    lookupRequest: (args: CommandArgs<'lookupRequest'>) => call('lookupRequest', args),
    printSlip: (args: CommandArgs<'printSlip'>) => call('printSlip', args),
    printTest: (args: CommandArgs<'printTest'>) => call('printTest', args),
    getDeviceSettings: () => call('getDeviceSettings', {}),
    saveDeviceSettings: (args: CommandArgs<'saveDeviceSettings'>, approval?: Approval) => approved('saveDeviceSettings', args, approval),
    testPoleDisplay: () => call('testPoleDisplay', {}),
    listSerialPorts: () => call('listSerialPorts', {}),
    listPayments: (args: CommandArgs<'listPayments'>) => call('listPayments', args),
    paymentDetail: (args: CommandArgs<'paymentDetail'>) => call('paymentDetail', args),
    exportPaymentsCsv: (args: CommandArgs<'exportPaymentsCsv'>) => call('exportPaymentsCsv', args),
    endOfDay: () => call('endOfDay', {}),
    closeDay: (approval?: Approval) => approved('closeDay', {}, approval),
    listDayReports: () => call('listDayReports', {}),
    reprintDayReport: (args: CommandArgs<'reprintDayReport'>) => call('reprintDayReport', args),
    exportDayReportCsv: (args: CommandArgs<'exportDayReportCsv'>) => call('exportDayReportCsv', args),
    getSettings: () => call('getSettings', {}),
    saveSettings: (args: CommandArgs<'saveSettings'>, approval?: Approval) => approved('saveSettings', args, approval),
    testConnection: (args: CommandArgs<'testConnection'>, approval?: Approval) => approved('testConnection', args, approval),
    signIn: (args: CommandArgs<'signIn'>) => call('signIn', args),
    resumeSession: (args: CommandArgs<'resumeSession'>) => call('resumeSession', args),
    signOut: () => call('signOut', {}),
    getStaff: () => call('getStaff', {}),
    saveStaff: (args: CommandArgs<'saveStaff'>, approval?: Approval) => approved('saveStaff', args, approval),
    onPayment: on('payment'),
    onTerminal: on('terminal'),
    onDevices: on('devices'),
    park: (args: CommandArgs<'park'>) => call('park', args),
    listParked: () => call('listParked', {}),
    checkNow: (args: CommandArgs<'checkNow'>) => call('checkNow', args),
    resolveParked: (args: CommandArgs<'resolveParked'>, approval?: Approval) => approved('resolveParked', args, approval),
    acknowledgeParked: (args: CommandArgs<'acknowledgeParked'>) => call('acknowledgeParked', args),
    listDisplays: () => call('listDisplays', {}),
    approveDisplay: (args: CommandArgs<'approveDisplay'>, approval?: Approval) => approved('approveDisplay', args, approval),
    revokeDisplay: (args: CommandArgs<'revokeDisplay'>, approval?: Approval) => approved('revokeDisplay', args, approval),
    listPosClients: () => call('listPosClients', {}),
    createPosClient: (args: CommandArgs<'createPosClient'>, approval?: Approval) => approved('createPosClient', args, approval),
    revokePosClient: (args: CommandArgs<'revokePosClient'>, approval?: Approval) => approved('revokePosClient', args, approval),
    getPosOffer: () => call('getPosOffer', {}),
    takePosOffer: (args: CommandArgs<'takePosOffer'>) => call('takePosOffer', args),
    declinePosOffer: (args: CommandArgs<'declinePosOffer'>) => call('declinePosOffer', args),
    getPosApiStatus: () => call('getPosApiStatus', {}),
    newPosCertificate: (approval?: Approval) => approved('newPosCertificate', {}, approval),
    onPosOffer: on('posOffer'),
    onPrint: on('print'),
    onParked: on('parked'),
  } satisfies PosApiShape;
}

/** The screens' API as the preload exposes it and the web transport builds it. */
export type PosApi = ReturnType<typeof createPosApi>;
