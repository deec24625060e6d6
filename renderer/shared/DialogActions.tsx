type Props = { submitText: string; danger?: boolean; pending?: boolean; cancelText: string; onCancel: () => void };

/**
 * The foot of a dialog's form: the button that submits it (red where it cannot be undone, held
 * while the hall answers) and the way out, which leaves without asking the hall anything.
 */
export function DialogActions({ submitText, danger, pending, cancelText, onCancel }: Props) {
  return (
    <div className="dialog-actions">
      <button type="submit" className={danger ? 'danger' : 'primary'} disabled={pending}>
        {submitText}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {cancelText}
      </button>
    </div>
  );
}
