/**
 * Small browser facilities the interactive blocks share, written once: whether WebGL is there,
 * saving text as a file, and putting text on the clipboard.
 */

/** Whether this browser can make a WebGL context (headless Chromium with --disable-gpu has none); without one tfjs would log errors trying. */
export function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Save a blob as a file named `name` (the browser's download). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text as a file. */
export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** Put text on the clipboard; false where the browser refuses (the caller then shows it to copy by hand). */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
