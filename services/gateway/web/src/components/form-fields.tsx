// What the forms repeat: a labelled input, textarea or checkbox, a select of enum values, the
// error-and-submit bar under a form, and forms that submit through the API rather than the page.
// Names and other attributes pass through to the element (the browser tests find fields by name).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n';
import { ErrorMessage } from './error-message';

/** A labelled control: the label's words above it (as the `.form` and `.toolbar` layouts set them). */
export function Field({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
    </label>
  );
}

type Bound<E, V> = Omit<E, 'value' | 'onChange' | 'checked'> & { onValue: (value: V) => void };

/** A labelled text (or number, date…) input bound to a string. */
export function TextField({ label, value, onValue, ...input }: Bound<InputHTMLAttributes<HTMLInputElement>, string> & { label: ReactNode; value: string }) {
  return (
    <Field label={label}>
      <input {...input} value={value} onChange={(e) => onValue(e.target.value)} />
    </Field>
  );
}

/** A labelled textarea bound to a string. */
export function TextAreaField({ label, value, onValue, ...textarea }: Bound<TextareaHTMLAttributes<HTMLTextAreaElement>, string> & { label: ReactNode; value: string }) {
  return (
    <Field label={label}>
      <textarea {...textarea} value={value} onChange={(e) => onValue(e.target.value)} />
    </Field>
  );
}

/** A checkbox with its words beside it (`style` is the label's). */
export function CheckField({ label, checked, onValue, style, ...input }: Bound<InputHTMLAttributes<HTMLInputElement>, boolean> & { label: ReactNode; checked: boolean }) {
  return (
    <label className="check" style={style}>
      <input {...input} type="checkbox" checked={checked} onChange={(e) => onValue(e.target.checked)} />
      {label}
    </label>
  );
}

/** A select of server enum values, each shown by its dictionary label (`tEnum(prefix, value)`); `emptyLabel` puts a '' choice first. */
export function EnumSelect({ prefix, values, value, onValue, emptyLabel, ...select }: Bound<SelectHTMLAttributes<HTMLSelectElement>, string> & { prefix: string; values: readonly string[]; value: string | number; emptyLabel?: string }) {
  const { tEnum } = useI18n();
  return (
    <select {...select} value={value} onChange={(e) => onValue(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {tEnum(prefix, v)}
        </option>
      ))}
    </select>
  );
}

/** What went wrong with the last try, then the form's buttons: its submit (off while busy), and 取消 when `onCancel` is given; `testId` is the submit's. */
export function SubmitBar({ label, busy, error, disabled, plain, onCancel, testId }: { label: ReactNode; busy?: boolean; error?: unknown; disabled?: boolean; plain?: boolean; onCancel?: () => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className={plain ? undefined : 'primary'} data-testid={testId} disabled={busy || disabled}>
          {label}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </>
  );
}

/** A form whose submit calls `onSubmit` (an API call) instead of the browser's own submission. */
export function Form({ onSubmit, className = 'form', testId, children }: { onSubmit: () => unknown; className?: string; testId?: string; children: ReactNode }) {
  return (
    <form
      className={className}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** A one-line form (`.actions`): its inputs, the submit button (off while busy or `disabled`), a hint, and the error of the last try, side by side. */
export function InlineForm({ onSubmit, label, busy, disabled, error, buttonClass, hint, testId, children }: { onSubmit: () => unknown; label: ReactNode; busy?: boolean; disabled?: boolean; error?: unknown; buttonClass?: 'primary' | 'danger'; hint?: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <Form className="actions" testId={testId} onSubmit={onSubmit}>
      {children}
      <button type="submit" className={buttonClass} disabled={busy || disabled}>
        {label}
      </button>
      {hint && <span className="hint">{hint}</span>}
      <ErrorMessage error={error} />
    </Form>
  );
}
