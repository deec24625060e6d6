import { type ComponentProps, useId } from 'react';

/**
 * A labelled input with its own error line, linked for screen readers. `className` is the
 * wrapper's (where the field sits in its row); everything else is the input's.
 */
export function Field({ label, error, className, ...input }: { label: string; error?: string | undefined } & ComponentProps<'input'>) {
  const id = useId();
  return (
    <div className={['field', error ? 'invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** A password being chosen (a new administrator's, a new or reset staff password): masked, and not filled from the browser's saved ones. */
export function NewPasswordField(props: Omit<ComponentProps<typeof Field>, 'type' | 'autoComplete'>) {
  return <Field type="password" autoComplete="new-password" {...props} />;
}
