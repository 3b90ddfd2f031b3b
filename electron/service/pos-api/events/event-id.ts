/** How a resume point was given: none (start from now), an id, or something this terminal never sends. */
export type ParsedEventId = { readonly ok: true; readonly id: number | null } | { readonly ok: false; readonly message: string };

/** Ids are decimal integers; 15 digits stay exact in a double, far above any count of events. */
const ID_PATTERN = /^[0-9]{1,15}$/;

/** Reads `Last-Event-ID` (the header wins, as EventSource sends it on reconnect) or `?lastEventId=`. */
export function parseLastEventId(header: string | string[] | undefined, query: string | null): ParsedEventId {
  const raw = typeof header === 'string' ? header : Array.isArray(header) ? header[0] : (query ?? undefined);
  if (raw === undefined || raw === '') return { ok: true, id: null };
  if (!ID_PATTERN.test(raw)) {
    const shown = JSON.stringify(raw.slice(0, 20)) + (raw.length > 20 ? '…' : '');
    return { ok: false, message: `Last-Event-ID must be an event id this terminal sent (digits only, at most 15); got ${shown}.` };
  }
  return { ok: true, id: Number(raw) };
}
