import type { CommandName, EventName } from '../../app/ipc/contract';

/** Channel names, shared by main and preload so they cannot disagree. */
export const commandChannel = (command: CommandName): string => `pos:command:${command}`;
export const eventChannel = (event: EventName): string => `pos:event:${event}`;
