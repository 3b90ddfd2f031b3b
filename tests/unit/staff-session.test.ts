import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiError, ApiResult } from '../../app/ipc/contract';
import type { SignedIn, StaffView } from '../../app/ipc/staff-schemas';
import type { Operator } from '../../app/staff/staff';
import type { ConnectionSource, ConnectionStatus } from '../../renderer/api/connection-status';
import { watchAnswers } from '../../renderer/api/watch-answers';
import { createSession, type Session, type SessionApi } from '../../renderer/cashier/staff/session';
import { createSessionSlice, selectGate, type SessionSlice } from '../../renderer/cashier/staff/session-slice';
import { signInNoticeWords } from '../../renderer/cashier/staff/staff-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { settle } from '../support/engine-harness';

/*
 * Signing in on the cashier page: the session token lives only in the page's memory; a dropped
 * connection resumes it, a reload (a new page) does not; a command answered sign_in_required takes the
 * screen back to sign-in, saying why.
 */

const ALI: Operator = { id: 'ali', name: 'Ali', role: 'cashier' };
const MEI: Operator = { id: 'mei', name: 'Mei', role: 'manager' };
const TOKEN = 'a'.repeat(32);
const good = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const listed = (signedIn: Operator | null, members: readonly Operator[] = [MEI, ALI]): StaffView => ({
  members,
  protected: members.length > 0,
  refundApproval: { mode: 'all' },
  signedIn,
  warning: members.length > 0 ? null : 'Nobody is listed, …',
});

/** Main as the page sees it: who is signed in on this connection, and which tokens it will resume. */
class FakeMain implements SessionApi {
  readonly calls: string[] = [];
  members: readonly Operator[] = [MEI, ALI];
  here: Operator | null = null;
  sessions = new Map<string, Operator>();

  readonly signIn = ({ staffId, pin }: { staffId: string; pin: string }): Promise<ApiResult<SignedIn>> => {
    this.calls.push(`signIn ${staffId}`);
    const who = this.members.find((m) => m.id === staffId);
    if (who === undefined || pin !== '1357') {
      const name = who?.name ?? staffId;
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: `Wrong PIN for ${name}`, said: { area: 'staff', kind: 'wrong_pin', name, waitMs: 0 } } });
    }
    this.here = who;
    this.sessions.set(TOKEN, who);
    return Promise.resolve(good({ operator: who, sessionToken: TOKEN }));
  };
  readonly resumeSession = ({ token }: { token: string }): Promise<ApiResult<Operator | null>> => {
    this.calls.push('resumeSession');
    this.here = this.sessions.get(token) ?? null;
    return Promise.resolve(good(this.here));
  };
  readonly signOut = (): Promise<ApiResult<null>> => {
    this.calls.push('signOut');
    this.here = null;
    return Promise.resolve(good(null));
  };
  readonly getStaff = (): Promise<ApiResult<StaffView>> => {
    this.calls.push('getStaff');
    return Promise.resolve(good(listed(this.here, this.members)));
  };
  readonly saveStaff = (): Promise<ApiResult<StaffView>> => {
    this.calls.push('saveStaff');
    return Promise.resolve(good(listed(this.here, this.members)));
  };
  /** The connection dropped: main forgets who was signed in on it. */
  drop(): void {
    this.here = null;
  }
}

class FakeConnection implements ConnectionSource {
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();
  status: ConnectionStatus = 'connecting';
  onConnection(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }
  onHostError(): () => void {
    return () => undefined;
  }
  set(status: ConnectionStatus): void {
    this.status = status;
    for (const l of this.listeners) l(status);
  }
}

const passThrough = <T>(run: (approval: undefined) => Promise<ApiResult<T>>) => run(undefined);

let main: FakeMain;
let connection: FakeConnection;
let store: StoreApi<SessionSlice>;
let session: Session;
const state = () => store.getState();
/** The sign-in screen's notice as the cashier reads it, in English unless said. */
const notice = (language: keyof typeof CASHIER_WORDS = 'en'): string | null => {
  const said = state().signInNotice;
  return said === null ? null : signInNoticeWords(said, CASHIER_WORDS[language].staff);
};

function openPage(): Session {
  store = createStore<SessionSlice>()(createSessionSlice);
  connection = new FakeConnection();
  return createSession(main, connection, store, passThrough);
}

beforeEach(async () => {
  main = new FakeMain();
  session = openPage();
  connection.set('connected');
  await settle();
});

describe('the cashier page’s session', () => {
  it('asks who is at the counter once staff are listed, and refuses a short PIN before sending it', async () => {
    expect(selectGate(state())).toBe('sign_in');
    expect(await session.signIn('ali', '13')).toEqual({ kind: 'pin_format' });
    expect(main.calls).not.toContain('signIn ali');
    // What main told is kept whole, so the sign-in screen words it in the cashier's language.
    expect(await session.signIn('ali', '0000')).toEqual({ kind: 'refused', told: { message: 'Wrong PIN for Ali', said: { area: 'staff', kind: 'wrong_pin', name: 'Ali', waitMs: 0 } } });
    expect(await session.signIn('ali', '1357')).toBeNull();
    expect(state().operator).toEqual(ALI);
    expect(selectGate(state())).toBe('open');
  });

  it('resumes the session on the new connection after a drop, and the cashier stays signed in', async () => {
    await session.signIn('ali', '1357');
    connection.set('reconnecting');
    main.drop();
    expect(state().operator).toEqual(ALI);
    connection.set('connected');
    await settle();
    expect(main.calls.slice(-2)).toEqual(['resumeSession', 'getStaff']);
    expect(main.here).toEqual(ALI);
    expect(state().operator).toEqual(ALI);
    expect(state().signInNotice).toBeNull();
  });

  it('says so when the session did not survive the drop', async () => {
    await session.signIn('ali', '1357');
    main.sessions.clear();
    main.drop();
    connection.set('connected');
    await settle();
    expect(state().operator).toBeNull();
    expect(notice()).toBe('You were signed out while the connection was down: sign in again with your PIN');
  });

  it('keeps nothing across a reload: a new page has no token to resume', async () => {
    await session.signIn('ali', '1357');
    main.drop();
    main.calls.length = 0;
    session.stop();
    openPage();
    connection.set('connected');
    await settle();
    expect(main.calls).toEqual(['getStaff']);
    expect(selectGate(state())).toBe('sign_in');
  });

  it('goes back to sign-in when a command is answered sign_in_required, naming who was signed out', async () => {
    await session.signIn('ali', '1357');
    main.members = [MEI];
    main.drop();
    const api = watchAnswers(
      { listPayments: (): Promise<ApiResult<never>> => Promise.resolve({ ok: false, error: { code: 'sign_in_required', message: 'Sign in with your PIN first' } }) },
      (error: ApiError) => {
        if (error.code === 'sign_in_required') session.signInRequired();
      },
    );
    const answer = await api.listPayments();
    // The screen changed before the panel that asked saw the answer.
    expect(state().operator).toBeNull();
    expect(answer.ok).toBe(false);
    expect(notice()).toBe('Ali is no longer signed in on this screen (the staff list changed, or the session ended): sign in with your PIN');
    expect(notice('ms')).toBe('Ali tidak lagi log masuk di skrin ini (senarai kakitangan berubah, atau sesi tamat): log masuk dengan PIN anda');
    expect(notice('zh-Hans')).toBe('Ali 已在此屏幕退出登录（员工名单已更改，或登录已结束）：请用您的 PIN 登录');
    await settle();
    expect(state().staff?.members).toEqual([MEI]);
  });

  it('signs out at once, whatever main answers', async () => {
    await session.signIn('ali', '1357');
    const leaving = session.signOut();
    expect(state().operator).toBeNull();
    await leaving;
    expect(main.calls).toContain('signOut');
    expect(selectGate(state())).toBe('sign_in');
  });

  it('asks for a PIN once a one-person shop saves its first staff', async () => {
    main.members = [];
    session.stop();
    session = openPage();
    connection.set('connected');
    await settle();
    expect(selectGate(state())).toBe('open');
    main.members = [MEI, ALI];
    await session.saveStaff({ members: [], refundApproval: { mode: 'all' } });
    expect(selectGate(state())).toBe('sign_in');
    expect(notice()).toBe('Staff are listed on this terminal now: sign in with your PIN');
    expect(notice('ms')).toBe('Kakitangan kini disenaraikan di terminal ini: log masuk dengan PIN anda');
  });
});

describe('watchAnswers', () => {
  it('shows refusals only, and leaves events and their unsubscribers alone', async () => {
    const seen: string[] = [];
    const api = watchAnswers(
      {
        ok: () => Promise.resolve(good(1)),
        no: () => Promise.resolve<ApiResult<never>>({ ok: false, error: { code: 'forbidden', message: 'no' } }),
        onThing: (listener: () => void) => {
          listener();
          return () => 'unsubscribed';
        },
      },
      (error) => seen.push(error.code),
    );
    expect(await api.ok()).toEqual(good(1));
    expect(await api.no()).toMatchObject({ ok: false });
    let heard = 0;
    expect(api.onThing(() => (heard += 1))()).toBe('unsubscribed');
    expect(heard).toBe(1);
    expect(seen).toEqual(['forbidden']);
  });
});
