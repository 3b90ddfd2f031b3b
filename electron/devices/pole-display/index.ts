// The pole display's host side: serial link, device loop with hot-plug, payment follower, port list.
export { openSerialLink, DEFAULT_POLE_BAUD_RATE, type PoleLink, type PoleLinkOpener, type PoleSerialOptions } from './serial-link';
export { listPolePorts, type PoleSerialPortInfo, type PortListerDeps } from './port-lister';
export {
  startPoleDisplay,
  DEFAULT_POLE_BACKOFF,
  type PoleBackoff,
  type PoleDisplayDevice,
  type PoleDisplayDeviceOptions,
  type PoleDisplayStatus,
} from './pole-display-device';
export { createPoleController, type PoleController, type PoleControllerOptions } from './pole-controller';
export { startPoleDisplayFromSettings, testPoleDisplay, type PoleDisplayDeps, type PoleDisplaySettings } from './pole-settings';
export { systemClock } from './system-clock';
