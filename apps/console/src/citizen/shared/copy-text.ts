/**
 * Copies text for the citizen. The Clipboard API needs a secure context and is missing in some in-app browsers,
 * so the old select-and-copy command is the fallback. Resolves false when neither worked (the page then asks the
 * citizen to note the code down).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  try {
    // Deprecated but the only way left in old WebViews; the Clipboard API was tried first.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
