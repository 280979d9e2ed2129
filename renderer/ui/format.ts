/** French formatting of dates and sizes, shared by the screens. */

const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** « 14:32 » */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** « 25 novembre 2025 à 14:32 » */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** « 12 Ko », « 1,4 Mo » */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}
