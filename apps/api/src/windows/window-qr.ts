import QRCode, { type QRCodeToBufferOptions, type QRCodeToStringOptions } from 'qrcode';

/** Where a citizen lands after scanning a window's QR: the citizen page of that window (apps/console). */
export function windowRatingUrl(publicBaseUrl: string, hallCode: string, windowCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/citizen/w/${encodeURIComponent(hallCode)}/${encodeURIComponent(windowCode)}`;
}

// Level M survives a worn or partly covered sticker (15% of the code); the quiet zone is the standard 4 modules.
const COMMON = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A PNG large enough to print sharply at the poster's size (about 9 cm at 150 dpi). */
export function renderQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...COMMON, type: 'png', width: 560 } satisfies QRCodeToBufferOptions);
}

/** An SVG without fixed size (viewBox only), so it scales to whatever box embeds it. */
export function renderQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...COMMON, type: 'svg' } satisfies QRCodeToStringOptions);
}
