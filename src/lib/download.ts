/**
 * Saves text the console built (a CSV export) as a file: a Blob behind a
 * temporary object URL and a click on a detached link. The data never goes
 * into a URL (no `data:` links, no query strings), so it stays out of history,
 * logs and referrers; the object URL is revoked once the browser has taken it.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const blob = new Blob([text], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a tick later is safe.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
