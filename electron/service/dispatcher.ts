import {
  COMMAND_NAMES,
  READ_ONLY_COMMANDS,
  commandSchemas,
  describeInvalidArgs,
  fieldProblems,
  type ApiResult,
  type CommandArgs,
  type CommandName,
  type CommandResults,
} from '../../app/ipc/contract';
import type { Logger } from './logger';
import type { ClientRole } from './terminal-api';

export type CommandHandlers = {
  readonly [K in CommandName]: (args: CommandArgs<K>) => Promise<ApiResult<CommandResults[K]>>;
};

const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);

/**
 * The edge every transport goes through: the command must exist, the caller's role must allow it,
 * and the arguments must parse. Anything else is answered with a specific error and changes nothing.
 */
export function createDispatcher(handlers: CommandHandlers, log: Logger) {
  const run = async <K extends CommandName>(name: K, args: unknown): Promise<ApiResult<unknown>> => {
    const parsed = commandSchemas[name].safeParse(args ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_args', message: describeInvalidArgs(name, parsed.error), fields: fieldProblems(parsed.error) } };
    }
    return handlers[name](parsed.data as CommandArgs<K>);
  };

  return async (command: unknown, args: unknown, role: ClientRole): Promise<ApiResult<unknown>> => {
    if (!isCommandName(command)) {
      const shown = typeof command === 'string' ? `"${command.slice(0, 40)}"` : `of type ${typeof command}`;
      return {
        ok: false,
        error: { code: 'unknown_command', message: `Unknown command ${shown}. Known commands: ${COMMAND_NAMES.join(', ')}` },
      };
    }
    if (role === 'display' && !READ_ONLY_COMMANDS.has(command)) {
      return { ok: false, error: { code: 'forbidden', message: `The customer display may not run ${command}` } };
    }
    try {
      return await run(command, args);
    } catch (error) {
      log.log('error', 'command failed', { command, error: error instanceof Error ? error.message : String(error) });
      return { ok: false, error: { code: 'internal', message: `The terminal could not complete ${command}; it has been logged` } };
    }
  };
}
