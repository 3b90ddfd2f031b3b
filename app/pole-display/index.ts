// The pole display's platform-free core: layout (payment → two lines) and drivers (screen → bytes).
export { layoutPoleScreen, poleTestScreen, type PoleLayoutInput } from './layout';
export { BLANK_SCREEN, POLE_COLUMNS, POLE_ROWS, poleScreen, sameScreen, type PoleScreen } from './screen';
export { transliterate } from './transliterate';
export { fitAmount, compactDecimal, type AmountForm, type FittedAmount } from './fit-amount';
export { formatCountdown, msUntilNextSecond, secondsLeft } from './countdown';
export {
  POLE_DRIVER_IDS,
  isPoleDriverId,
  type PoleBrightness,
  type PoleDriver,
  type PoleDriverId,
  type PoleDriverOptions,
} from './driver';
export { createPoleDriver, DEFAULT_POLE_DRIVER_OPTIONS } from './drivers';
