import type { Status } from '../../src/check';

/**
 * The shape that tells a status without colour: a filled disc with a tick (couvert), a half disc
 * (partiel), an empty ring with a cross (manquant). Always paired with the word, or hidden from screen
 * readers when the word is beside it.
 */
export function StatusIcon({ status, size = 16 }: { status: Status; size?: number }) {
  return (
    <svg className={`status-icon ${status}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === 'covered' && (
        <>
          <circle cx="8" cy="8" r="7" className="fill" />
          <path d="M4.5 8.2l2.3 2.3 4.7-4.9" className="mark" fill="none" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {status === 'partial' && (
        <>
          <circle cx="8" cy="8" r="6.2" className="ring" fill="none" strokeWidth="1.6" />
          <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" className="fill" />
        </>
      )}
      {status === 'missing' && (
        <>
          <circle cx="8" cy="8" r="6.2" className="ring" fill="none" strokeWidth="1.6" />
          <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" className="ring" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
