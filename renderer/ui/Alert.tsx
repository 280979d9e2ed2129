interface AlertProps {
  message: string | null;
  onDismiss?: () => void;
}

/** A French error the user can act on, announced by screen readers, with an optional « Fermer ». */
export function Alert({ message, onDismiss }: AlertProps) {
  if (!message) return null;
  return (
    <div className="alert" role="alert">
      <span className="alert-icon" aria-hidden="true">
        !
      </span>
      <p>{message}</p>
      {onDismiss && (
        <button type="button" className="button subtle" onClick={onDismiss}>
          Fermer<span className="visually-hidden"> le message</span>
        </button>
      )}
    </div>
  );
}
