import { authSession } from '../../../auth/session';
import { API_URL } from '../../../data-provider';

/** What a window's QR and poster are fetched as; the API wants the bearer token, so plain links would be refused. */
export type WindowFile = 'qr.png' | 'qr.svg' | 'poster';

export function windowFileUrl(hallCode: string, windowCode: string, file: WindowFile): string {
  return `${API_URL}/windows/${encodeURIComponent(hallCode)}/${encodeURIComponent(windowCode)}/${file}`;
}

/** The file a download saves as (the API's own name, qr-<hall>-<window>.png). */
export function windowFileName(hallCode: string, windowCode: string, file: WindowFile): string {
  const stem = `qr-${hallCode}-${windowCode}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return file === 'poster' ? `${stem}-poster.html` : `${stem}.${file.slice(3)}`;
}

/** Fetches a window's QR or poster with the signed-in user's token; throws the API's Chinese message on refusal. */
export async function fetchWindowFile(hallCode: string, windowCode: string, file: WindowFile): Promise<Blob> {
  const token = await authSession.token();
  const response = await fetch(windowFileUrl(hallCode, windowCode, file), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `下载失败（${response.status}）`);
  }
  return response.blob();
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
