/** What a window's QR and poster are fetched as (the data provider's getWindowFile). */
export type WindowFile = 'qr.png' | 'qr.svg' | 'poster';

/** The file a download saves as (the API's own name, qr-<hall>-<window>.png). */
export function windowFileName(hallCode: string, windowCode: string, file: WindowFile): string {
  const stem = `qr-${hallCode}-${windowCode}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return file === 'poster' ? `${stem}-poster.html` : `${stem}.${file.slice(3)}`;
}

/** Saves a blob through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; a minute is ample for a slow disk.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
