import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentState } from '../../app/payment/payment';
import { UnreadablePaymentError } from '../../electron/service/journal/journal-errors';
import type { Journal } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { timelineEntry } from '../../electron/service/journal/timeline-entry';
import { timelineText } from '../../renderer/cashier/history/history-timeline';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment } from '../support/payment-fixture';
import { PAYMENT_SAMPLES } from '../support/said-samples/payment';

const T0 = 1_767_225_600_000;
const SGD = (minor: number) => ({ minor, currency: 'SGD' }) as const;

/** Every place a payment's state carries a Said, with Saids of every shape (money, nested, nullable values). */
const STATES_WITH_SAID: readonly PaymentState[] = [
  ...PAYMENT_SAMPLES.map((said): PaymentState => ({ status: 'failed', failure: { code: 'x', message: 'English', said } })),
  { status: 'needs_attention', reason: 'Atome answered for SGD 10.00, not the SGD 12.34 asked', said: PAYMENT_SAMPLES.find((s) => s.kind === 'other_amount') ?? PAYMENT_SAMPLES[0]! },
  {
    status: 'partially_paid',
    received: SGD(600),
    leftOpen: 'SGD 6.00 of SGD 12.34 has already arrived: …',
    leftOpenSaid: { area: 'payment', kind: 'left_open', asked: SGD(1234), received: SGD(600), provider: 'Orangepill' },
  },
];

let dir: string;
let file: string;
let journal: Journal;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-said-'));
  file = join(dir, 'journal.sqlite3');
  journal = openJournal(file, { now: () => T0, onUnreadable: () => undefined });
});

afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const tamper = (sql: string): void => {
  const db = new Database(file);
  try {
    db.prepare(sql).run();
  } finally {
    db.close();
  }
};

describe('a payment’s Said in the journal', () => {
  it('comes back exactly as saved, in a failure, a needs-attention reason and a part left open', () => {
    STATES_WITH_SAID.forEach((state, i) => {
      const saved = aPayment({ id: `s-${i}`, state });
      journal.save(saved);
      expect(journal.get(saved.id)).toStrictEqual(saved);
    });
  });

  it('keeps a notice’s Said with its notice, and refuses one without a notice or malformed', () => {
    const noted = aPayment({
      id: 'n',
      state: { status: 'awaiting' },
      notice: 'Opn is having trouble \u2014 retrying',
      noticeSaid: { area: 'payment', kind: 'provider_trouble', provider: 'Opn', httpStatus: null },
    });
    journal.save(noted);
    expect(journal.get('n')).toStrictEqual(noted);
    const cleared = { ...aPayment({ id: 'n', state: { status: 'awaiting' }, notice: null }), updatedAt: noted.updatedAt + 1 };
    journal.save(cleared);
    expect(journal.get('n')).toStrictEqual(cleared);
    tamper(`UPDATE payments SET notice_said_json = '{"area":"payment","kind":"no_answer","provider":"Opn"}' WHERE id = 'n'`);
    expect(() => journal.get('n')).toThrow(/notice_said_json is set without a notice/);
    tamper(`UPDATE payments SET notice = 'x', notice_said_json = '{"area":"payment","kind":"no_answer"}' WHERE id = 'n'`);
    expect(() => journal.get('n')).toThrow(/cannot be read: notice_said_json: /);
  });

  it('an old row, written before Said, still reads, and is shown in its English', () => {
    journal.save(aPayment({ id: 'old', state: { status: 'awaiting' } }));
    tamper(`UPDATE payments SET status = 'failed', state_json = '{"status":"failed","failure":{"code":"payment_rejected","message":"Atome rejected the payment."}}' WHERE id = 'old'`);
    const state = journal.get('old')?.state;
    expect(state).toEqual({ status: 'failed', failure: { code: 'payment_rejected', message: 'Atome rejected the payment.' } });
    if (state?.status === 'failed') expect(toldText(state.failure, CASHIER_WORDS.ms, saidFormat(null))).toBe('Atome rejected the payment.');
  });

  it('a malformed Said is refused like any malformed field', () => {
    journal.save(aPayment({ id: 'bad', state: { status: 'awaiting' } }));
    const malformed = [
      '{"area":"payment","kind":"opn_failure","code":"not_a_code","method":"atome"}',
      '{"area":"payment","kind":"no_such_kind"}',
      '{"area":"payment","kind":"left_open","asked":{"minor":1234,"currency":"SGD"},"received":null}',
      '"Atome rejected the payment."',
      // A provider's refusal is checked as closely: a key nobody refuses, a note nested where none goes, a sale sentence as an amount refusal.
      '{"area":"payment","kind":"key_refused","provider":"Opn","key":"master_key"}',
      '{"area":"payment","kind":"cancelled_at_opn","problem":{"area":"payment","kind":"cancelled_at_opn","problem":{"area":"payment","kind":"opn_qr_missing"}}}',
      '{"area":"payment","kind":"cancel_not_yet","problem":{"area":"payment","kind":"opn_failure","code":"timeout","method":"atome"}}',
      '{"area":"payment","kind":"amount_refused","refusal":{"area":"sale","kind":"payment_in_progress"}}',
      '{"area":"payment","kind":"qr_width","min":-1,"max":2000}',
      '{"area":"payment","kind":"checking_reach","provider":"Opn"}',
    ];
    for (const said of malformed) {
      tamper(`UPDATE payments SET status = 'failed', state_json = '{"status":"failed","failure":{"code":"x","message":"m","said":${said}}}' WHERE id = 'bad'`);
      expect(() => journal.get('bad'), said).toThrow(UnreadablePaymentError);
      expect(() => journal.get('bad'), said).toThrow(/state_json: failure/);
    }
  });

  it('goes into the payment’s log, so History words the failure in the cashier’s language', () => {
    const failure = { code: 'insufficient_balance', message: 'English', said: { area: 'payment', kind: 'opn_failure', code: 'insufficient_balance', method: 'paynow' } } as const;
    journal.save(aPayment({ id: 'h', state: { status: 'awaiting' } }));
    journal.save(aPayment({ id: 'h', state: { status: 'failed', failure }, updatedAt: T0 + 1 }));
    const logged = journal.events('h').find((e) => e.summary['to'] === 'failed');
    expect(logged).toBeDefined();
    if (logged === undefined) return;
    const words = CASHIER_WORDS.ms;
    const say = (told: Parameters<typeof toldText>[0]) => toldText(told, words, saidFormat(null));
    expect(timelineEntry(logged).failureSaid).toStrictEqual(failure.said);
    expect(timelineText(timelineEntry(logged), 'en-SG', words.history, say)).toContain('Akaun pelanggan tidak mempunyai wang yang cukup');
  });

  it('a log line whose Said the service cannot check reaches History without it, so its English stands', () => {
    journal.save(aPayment({ id: 'd', state: { status: 'awaiting' } }));
    const damaged = [
      '{"area":"payment","kind":"opn_failure"}',
      '{"area":"payment","kind":"opn_failure","code":"constructor","method":"paynow"}',
      '{"area":"payment","kind":"opn_failure","code":"insufficient_balance","method":"paynow","extra":1}',
      '{"area":"payment","kind":"left_open","asked":{"minor":-1,"currency":"SGD"},"received":null,"provider":"Opn"}',
      '{"__proto__":{"kind":"opn_failure"},"area":"payment"}',
      '"insufficient_balance"',
      'null',
      `"${'x'.repeat(100_000)}"`,
    ];
    for (const said of damaged) {
      tamper(`INSERT INTO payment_events (payment_id, at, kind, summary_json) VALUES ('d', ${T0}, 'status', '{"to":"failed","failure":{"message":"English","said":${said}}}')`);
    }
    // And failures that are not objects at all: the line still reads.
    tamper(`INSERT INTO payment_events (payment_id, at, kind, summary_json) VALUES ('d', ${T0}, 'status', '{"to":"failed","failure":["said"]}')`);
    tamper(`INSERT INTO payment_events (payment_id, at, kind, summary_json) VALUES ('d', ${T0}, 'status', '{"to":"failed","failure":"said"}')`);
    const lines = journal.events('d').filter((e) => e.summary['to'] === 'failed').map(timelineEntry);
    expect(lines).toHaveLength(damaged.length + 2);
    const say = (told: Parameters<typeof toldText>[0]) => toldText(told, CASHIER_WORDS.ms, saidFormat(null));
    for (const line of lines) {
      expect(line).not.toHaveProperty('failureSaid');
      expect(line.summary).toStrictEqual(journal.events('d').find((e) => e.seq === line.seq)?.summary);
    }
    for (const line of lines.slice(0, damaged.length)) expect(timelineText(line, 'en-SG', CASHIER_WORDS.ms.history, say)).toBe('Bayaran gagal: English');
  });
});
