import { SERVICE_HOTLINE } from '@haochaping/contracts';

export interface WindowPosterContent {
  hallName: string;
  windowName: string;
  windowCode: string;
  /** The QR as inline SVG markup (renderQrSvg), trusted: it is generated, never entered. */
  qrSvg: string;
  url: string;
}

/** The steps a citizen follows after scanning, in the order the citizen page asks them. */
export const RATING_STEPS: readonly string[] = [
  '扫码：用微信或手机相机扫描上方二维码',
  '输入办件时留的手机号',
  '选择您刚办理的办件（没有找到时可直接评价本窗口）',
  '评价：选择满意程度，可写下意见和建议',
];

/**
 * A printable A5 page for one window: hall, window, the QR and how to rate, on one sheet. Everything an admin
 * entered (names, codes) is escaped; the page needs no script, font or image from elsewhere.
 */
export function renderWindowPoster({ hallName, windowName, windowCode, qrSvg, url }: WindowPosterContent): string {
  const hall = escapeHtml(hallName);
  const window = escapeHtml(windowName);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${hall} ${window} 评价二维码</title>
<style>
  @page { size: A5 portrait; margin: 10mm; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1f1f1f; background: #f0f0f0; }
  .poster { width: 128mm; min-height: 190mm; margin: 8mm auto; padding: 8mm 9mm; background: #fff; border: 0.6mm solid #c62828; border-radius: 3mm; display: flex; flex-direction: column; align-items: center; text-align: center; }
  .brand { margin: 0; font-size: 11pt; letter-spacing: 0.2em; color: #c62828; }
  h1 { margin: 3mm 0 0; font-size: 22pt; }
  h2 { margin: 1.5mm 0 0; font-size: 16pt; font-weight: normal; }
  .qr { width: 78mm; height: 78mm; margin: 5mm 0 1mm; }
  .qr svg { width: 100%; height: 100%; display: block; }
  .invite { margin: 0 0 3mm; font-size: 14pt; font-weight: bold; color: #c62828; }
  ol { margin: 0; padding: 0 0 0 7mm; text-align: left; font-size: 11.5pt; line-height: 1.7; align-self: stretch; }
  footer { margin-top: auto; padding-top: 4mm; font-size: 12pt; }
  .hotline { font-size: 14pt; font-weight: bold; }
  .code { display: block; margin-top: 1mm; font-size: 8pt; color: #757575; word-break: break-all; }
  .screen-hint { text-align: center; font-size: 10pt; color: #555; margin: 4mm; }
  @media print {
    body { background: #fff; }
    .poster { margin: 0 auto; width: auto; min-height: 188mm; break-inside: avoid; }
    .screen-hint { display: none; }
  }
</style>
</head>
<body>
<p class="screen-hint">打印时纸张请选择 A5、纵向，缩放 100%。</p>
<main class="poster">
  <p class="brand">政务服务“好差评”</p>
  <h1>${hall}</h1>
  <h2>${window}</h2>
  <div class="qr" role="img" aria-label="评价二维码">${qrSvg}</div>
  <p class="invite">扫码评价，您的意见我们认真对待</p>
  <ol>
${RATING_STEPS.map((step) => `    <li>${escapeHtml(step)}</li>`).join('\n')}
  </ol>
  <footer>
    <div>服务热线 <span class="hotline">${SERVICE_HOTLINE}</span></div>
    <span class="code">窗口编号 ${escapeHtml(windowCode)} · ${escapeHtml(url)}</span>
  </footer>
</main>
</body>
</html>
`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
