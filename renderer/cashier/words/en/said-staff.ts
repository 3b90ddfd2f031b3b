import type { ManagerAction, PinRefusalSaid, StaffSaid } from '../../../../app/i18n/said/staff';
import { MANAGER_ACTION } from '../../../../app/ipc/access';
import type { Money } from '../../../../app/money/money';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';

/** "8 s", "2 min": the wait before the next PIN, as the service writes it (pin-attempts.ts waitWords). */
const wait = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${String(seconds)} s` : `${String(Math.ceil(seconds / 60))} min`;
};

/** The service's own words for each action (app/ipc/access.ts), so English reads exactly as it was said. */
const ACTION = MANAGER_ACTION;

const needed = (need: { action: ManagerAction; amount: Money | null }, f: SaidFormat): string =>
  `A manager's PIN is needed to ${need.amount === null ? ACTION[need.action] : `refund ${f.money(need.amount)}`}`;

const pin: SaidWordsFor<PinRefusalSaid> = {
  choose_who: () => 'Choose who you are from the list',
  wrong_pin: ({ name, waitMs }) => (waitMs === 0 ? `Wrong PIN for ${name}` : `Wrong PIN for ${name}: try again in ${wait(waitMs)}`),
  too_many_wrong: ({ waitMs }) => `Too many wrong PINs: try again in ${wait(waitMs)}`,
};

export const en: SaidWordsFor<StaffSaid> = {
  sign_in_first: () => 'Sign in with your PIN first',
  ...pin,
  manager_needed: (said, f) => needed(said, f),
  manager_pin_refused: (said, f) => `${needed(said, f)}: ${wordWithin(pin, said.refusal, f)}`,
  not_a_manager: (said, f) => `${needed(said, f)}: ${said.name} is not a manager`,
  staff_file_damaged: ({ file, problem }) =>
    `${file} is damaged (${problem === 'not_json' ? 'not valid JSON' : 'unexpected contents'}): the staff list cannot be read, so refunds, closing the day and settings are refused until it is restored from a backup (or deleted, to start again without staff).`,
  staff_not_written: ({ file, reason }) => `The staff list could not be saved in ${file}: ${reason}`,
  field_pin_format: () => 'must be a PIN of 4 to 8 digits',
  field_staff_id: () => 'must be a short id of lower-case letters, digits, - and _ (e.g. "mei")',
  field_plain_text: () => 'must be plain text',
  field_id_twice: ({ id }) => `is used twice: ${id}`,
  field_pin_for_new: () => 'is needed for someone new',
  field_one_manager: () => 'must list at least one manager: without one, nobody could refund, close the day or change settings',
};
