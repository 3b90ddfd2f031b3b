/**
 * What the service says about the printer, the pole display and the customer display (see ../said.ts).
 */
export type DeviceSaid =
  /** Print again was asked for a job the print queue no longer keeps. */
  { readonly area: 'devices'; readonly kind: 'print_job_gone' };
