/**
 * What the service says about staff: signing in, PINs and a manager's approval (see ../said.ts).
 */
export type StaffSaid =
  /** Staff are listed and nobody is signed in on this screen. */
  { readonly area: 'staff'; readonly kind: 'sign_in_first' };
