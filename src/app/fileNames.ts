/**
 * A file name from a title: no folder separators or characters Windows refuses, no leading dots, at most 120
 * characters, and `extension` (with its dot) at the end, once. An empty title gives `fallback`.
 */
export function safeFileName(suggested: string, extension: string, fallback: string): string {
  const cleaned = suggested
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  const stem = (cleaned.toLowerCase().endsWith(extension.toLowerCase()) ? cleaned.slice(0, -extension.length) : cleaned).trim() || fallback;
  return `${stem}${extension}`;
}
