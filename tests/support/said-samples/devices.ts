import type { DeviceSaid } from '../../../app/i18n/said/devices';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const DEVICE_SAMPLES: readonly DeviceSaid[] = [{ area: 'devices', kind: 'print_job_gone' }];
