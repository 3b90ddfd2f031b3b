/**
 * What the service says about the records: the journal, History, the end of day and request lookup
 * (see ../said.ts).
 */
export type RecordsSaid =
  /** The journal cannot write: `problem` is what the disk said, `folder` where the journal is. */
  {
    readonly area: 'records';
    readonly kind: 'journal_cannot_save';
    readonly problem: 'full' | 'io' | 'read_only' | 'denied' | 'busy';
    readonly folder: string;
  };
