/** Links a contract may hold: web and mail addresses only (never `javascript:`, `file:` or app URLs). */
export function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** « www.exemple.fr » → « https://www.exemple.fr »; `null` when it cannot be a safe link. */
export function normalizeUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : trimmed.includes('@') ? `mailto:${trimmed}` : `https://${trimmed}`;
  return isSafeUrl(withScheme) ? withScheme : null;
}
