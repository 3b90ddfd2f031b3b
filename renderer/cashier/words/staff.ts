import type { StaffRole } from '../../../app/staff/staff';
import type { AmountEntryWords } from './amount-entry';

/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface StaffWords {
  /** "Staff": the list of names on the sign-in screen, the Settings part, the panel's title while it reads. */
  readonly staff: string;
  /** Nobody is listed: anyone can refund, close the day and change the settings. */
  readonly unprotected: string;
  /** A role as a button or an option names it: "Cashier". A Record, so a new role breaks the build here. */
  readonly roles: Readonly<Record<StaffRole, string>>;
  /** A role inside a sentence: "cashier". */
  readonly rolesInline: Readonly<Record<StaffRole, string>>;
  /** "Ali (cashier)", with the role from `rolesInline`: the header's chip and the lists of who is listed. */
  readonly nameWithRole: (name: string, role: string) => string;
  /** The sign-in screen and the chip of who is signed in. */
  readonly signIn: {
    readonly title: string;
    readonly hint: string;
    readonly signInAs: (name: string) => string;
    readonly checking: string;
    readonly signOut: string;
    /** Why the screen asks for a PIN when nobody signed out. */
    readonly listedNow: string;
    readonly signedOutWhileDown: string;
    readonly noLongerSignedIn: (name: string) => string;
  };
  /** The PIN field and its keys. */
  readonly pin: {
    readonly pinFor: (name: string) => string;
    readonly format: string;
    readonly keys: (label: string) => string;
    readonly clear: string;
    readonly backspace: string;
  };
  /** The manager's PIN asked on the spot; main's sentence says what for. */
  readonly approval: {
    readonly title: string;
    readonly managers: string;
    readonly managersPin: string;
    readonly chooseManager: string;
    readonly hint: string;
    readonly back: string;
    readonly approve: string;
  };
  /** When a cashier's refund needs a manager, said and chosen. */
  readonly rule: {
    readonly all: string;
    readonly over: (amount: string) => string;
    readonly none: string;
    readonly legend: string;
    readonly everyRefund: string;
    readonly refundsOver: string;
    readonly amountLabel: (currency: string) => string;
    readonly noRefund: string;
    readonly amountNeeded: (currency: string) => string;
    /** The amount typed is not one; `problem` is why, in the shared words (`amount`). */
    readonly notAnAmount: (currency: string, problem: string) => string;
    /** Why a typed amount is not one: the shared part (amount-entry.ts). */
    readonly amount: AmountEntryWords;
  };
  /** The Settings panel's staff part, and what the Staff panel says after a save. */
  readonly summary: {
    readonly open: string;
    readonly nobodyListed: string;
    /** "Mei (manager), Ali (cashier)". */
    readonly people: (entries: readonly string[]) => string;
    readonly listed: (people: string, rule: string) => string;
    readonly savedNobody: string;
    readonly saved: (people: string, rule: string) => string;
  };
  /** The Staff panel. */
  readonly panel: {
    readonly title: string;
    readonly reading: string;
    readonly close: string;
    readonly empty: string;
    readonly add: string;
    readonly save: string;
    readonly saving: string;
    readonly fixFields: string;
    /** "Nothing was saved: …", the parts being `fieldsToFix` and main's own problems. */
    readonly notSaved: (parts: readonly string[]) => string;
    readonly fieldsToFix: (count: number) => string;
  };
  /** One person's row in the Staff panel. */
  readonly row: {
    readonly newPerson: string;
    readonly unsaved: (who: string) => string;
    readonly name: string;
    readonly role: string;
    readonly newPin: string;
    readonly changePin: string;
    readonly pinAgain: string;
    readonly samePin: string;
    readonly remove: string;
    readonly removeWho: (who: string) => string;
  };
}
