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
} from '../../../app/ipc/contract';
import { approvalSchema } from '../../../app/ipc/staff-schemas';
import { fieldSaids } from '../../../app/settings/field-problem';
import type { Logger } from '../logging/logger';
import { OPEN_COUNTER, type Authorize } from '../staff/authorize';
import type { ClientRole, CommandContext, ScreenSession } from './terminal-api';

export type CommandHandlers = {
  readonly [K in CommandName]: (args: CommandArgs<K>, context: CommandContext) => Promise<ApiResult<CommandResults[K]>>;
};

const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);

/**
 * The edge every transport goes through: the command must exist, the caller's role must allow it,
 * and the arguments must parse. Anything else is answered with a specific error and changes nothing.
 */
/** `handlers` gives the commands of the counter in force (they change when it is restarted). */
export function createDispatcher(handlers: () => CommandHandlers, log: Logger, authorize: Authorize = OPEN_COUNTER) {
  const run = async <K extends CommandName>(name: K, raw: unknown, role: ClientRole, screen: ScreenSession | null): Promise<ApiResult<unknown>> => {
    // A manager's on-the-spot approval rides with any command's arguments; it is taken off before they are checked.
    const { args, approval } = splitApproval(raw);
    if (approval !== undefined && !approval.success) {
      return { ok: false, error: { code: 'invalid_args', message: describeInvalidArgs(`${name} approval`, approval.error), fields: fieldProblems(approval.error) } };
    }
    const parsed = commandSchemas[name].safeParse(args ?? {});
    if (!parsed.success) {
      const saids = fieldSaids(parsed.error);
      const fields = { fields: fieldProblems(parsed.error), ...(Object.keys(saids).length === 0 ? {} : { fieldsSaid: saids }) };
      return { ok: false, error: { code: 'invalid_args', message: describeInvalidArgs(name, parsed.error), ...fields } };
    }
    const allowed = await authorize({ command: name, args: parsed.data, approval: approval?.data ?? null, role, screen });
    if (!allowed.ok) return { ok: false, error: allowed.error };
    return handlers()[name](parsed.data as CommandArgs<K>, allowed.value);
  };

  return async (command: unknown, args: unknown, role: ClientRole, screen?: ScreenSession): Promise<ApiResult<unknown>> => {
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
      return await run(command, args, role, screen ?? null);
    } catch (error) {
      log.log('error', 'command failed', { command, error: error instanceof Error ? error.message : String(error) });
      return { ok: false, error: { code: 'internal', message: `The terminal could not complete ${command}; it has been logged` } };
    }
  };
}

/** The arguments without `approval`, and the approval parsed (undefined when none was sent). */
function splitApproval(raw: unknown): { readonly args: unknown; readonly approval: ReturnType<typeof approvalSchema.safeParse> | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'approval')) return { args: raw, approval: undefined };
  const { approval, ...rest } = raw as Record<string, unknown>;
  return { args: rest, approval: approvalSchema.safeParse(approval) };
}
