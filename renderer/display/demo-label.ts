export const DEMO_LABEL = 'DEMO — no real money';
