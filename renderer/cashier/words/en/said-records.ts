import type { RecordsSaid } from '../../../../app/i18n/said/records';
import type { SaidWordsFor } from '../said';

const disk = {
  full: { reason: 'the disk is full', until: 'there is room', remedy: (f: string) => `free space on the disk that holds ${f}` },
  io: { reason: 'the disk reported a write error', until: 'the journal can write again', remedy: (f: string) => `check the disk that holds ${f}` },
  read_only: { reason: 'the journal file or its disk has become read-only', until: 'it can be written again', remedy: (f: string) => `make ${f} writable again` },
  denied: { reason: 'the terminal is no longer allowed to write to it', until: 'the terminal may write to it again', remedy: (f: string) => `check the permissions of ${f}` },
  busy: { reason: 'another program has kept it locked', until: 'that program lets go of it', remedy: (f: string) => `close whatever else has the journal in ${f} open` },
} as const;

export const en: SaidWordsFor<RecordsSaid> = {
  journal_cannot_save: ({ problem, folder }) =>
    `Cannot save to the journal: ${disk[problem].reason}. No new sale can start until ${disk[problem].until} (${disk[problem].remedy(folder)}).`,
};
