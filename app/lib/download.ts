/**
 * Saves data as a file through a temporary object URL. The URL is revoked after a delay, not at
 * once: some browsers start reading the blob only after click() returns.
 */
const REVOKE_AFTER_MS = 10_000;

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function downloadText(fileName: string, text: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** A topic or title as a file name: anything but letters, digits, `.`, `-` and `_` becomes `_`. */
export function safeFileName(text: string, fallback: string, maxLength = 120): string {
  return text.replace(/[^\w.-]+/g, '_').slice(0, maxLength) || fallback;
}
