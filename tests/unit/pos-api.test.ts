import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type ApiResult, type CommandName, type EventName } from '../../app/ipc/contract';
import { createPosApi, type ApiTransport, type PosApi } from '../../app/ipc/pos-api';

/** A transport that only notes what each method sent and listened to. */
function recordingTransport() {
  const invoked: { command: CommandName; args: unknown }[] = [];
  const subscribed: EventName[] = [];
  const transport: ApiTransport = {
    invoke: (command, args) => {
      invoked.push({ command, args });
      return Promise.resolve({ ok: true, value: null } satisfies ApiResult<null>);
    },
    subscribe: (event) => {
      subscribed.push(event);
      return () => undefined;
    },
  };
  return { transport, invoked, subscribed };
}

const isEventMethod = (name: string): boolean => /^on[A-Z]/.test(name);

describe('the screens API against the contract', () => {
  it('has exactly one method per command, named as the command, and nothing else but its event methods', () => {
    const api = createPosApi(recordingTransport().transport);
    const commands = Object.keys(api).filter((name) => !isEventMethod(name));
    expect([...commands].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('sends each command from its own method, and only that one', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createPosApi(transport);
    for (const command of COMMAND_NAMES) {
      invoked.length = 0;
      const method = api[command] as (...args: unknown[]) => Promise<unknown>;
      await method({});
      expect(invoked.map((call) => call.command)).toEqual([command]);
    }
  });

  it('listens to each event from its own on… method', () => {
    const { transport, subscribed } = recordingTransport();
    const api: PosApi = createPosApi(transport);
    const events = Object.keys(api).filter(isEventMethod);
    expect(events.sort()).toEqual(['onDevices', 'onParked', 'onPayment', 'onPosOffer', 'onPrint', 'onTerminal']);
    for (const name of events) {
      subscribed.length = 0;
      (api[name as keyof PosApi] as (listener: () => void) => () => void)(() => undefined);
      expect(subscribed).toEqual([`${name.charAt(2).toLowerCase()}${name.slice(3)}`]);
    }
  });

  it('sends a manager approval given on the spot along with the command', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createPosApi(transport);
    await api.closeDay({ staffId: 'mei', pin: '2468' });
    await api.closeDay();
    expect(invoked).toEqual([
      { command: 'closeDay', args: { approval: { staffId: 'mei', pin: '2468' } } },
      { command: 'closeDay', args: {} },
    ]);
  });
});
