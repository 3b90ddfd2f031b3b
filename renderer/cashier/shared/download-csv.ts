import type { CsvFile } from '../../../app/ipc/history';

/** Saves a CSV the host made through a Blob link: the browser's own download, in Electron and in web mode. */
export function downloadCsv(file: CsvFile): void {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
