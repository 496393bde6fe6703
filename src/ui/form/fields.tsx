import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// GOV.UK form parts: label, hint, error message ABOVE the field, a red bar beside a field in
// error, aria-describedby joining hint and error. Every field's id is its name, so the error
// summary's links (#name) land on it. Usable from server and client components.

type Described = { id: string; hint?: ReactNode; error?: string | undefined };

function describedBy({ id, hint, error }: Described): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldGroup({
  error,
  children,
  className = "",
}: {
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return <div className={`mb-6 ${error ? "border-l-[5px] border-error pl-4" : ""} ${className}`}>{children}</div>;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} className="hint">
      {hint}
    </div>
  );
}

export function ErrorMessage({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="error-message">
      <span className="sr-only">Error:</span> {error}
    </p>
  );
}

const WIDTHS = {
  full: "",
  "30": "max-w-xl",
  "20": "max-w-md",
  "10": "max-w-56",
  "5": "max-w-32",
  "3": "max-w-24",
} as const;
export type FieldWidth = keyof typeof WIDTHS;

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  width?: FieldWidth;
  /** Shows the label as the page heading (GOV.UK "question pages"). */
  labelClassName?: string;
};

export function TextField({
  name,
  label,
  hint,
  error,
  width = "30",
  labelClassName = "",
  className = "",
  ...input
}: TextFieldProps) {
  return (
    <FieldGroup error={error}>
      <label htmlFor={name} className={`label ${labelClassName}`}>
        {label}
      </label>
      <Hint id={name} hint={hint} />
      <ErrorMessage id={name} error={error} />
      <input
        id={name}
        name={name}
        type="text"
        className={`input ${WIDTHS[width]} ${error ? "border-error" : ""} ${className}`}
        aria-describedby={describedBy({ id: name, hint, error })}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FieldGroup>
  );
}

/** A calendar date (YYYY-MM-DD). The browser's date picker; typing works with the keyboard too. */
export function DateField(props: Omit<TextFieldProps, "type" | "width">) {
  return <TextField type="date" width="10" {...props} />;
}

/** A time of day (HH:MM, 24-hour clock). */
export function TimeField(props: Omit<TextFieldProps, "type" | "width">) {
  return <TextField type="time" width="5" {...props} />;
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
};

export function TextArea({ name, label, hint, error, rows = 4, className = "", ...textarea }: TextAreaProps) {
  return (
    <FieldGroup error={error}>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <Hint id={name} hint={hint} />
      <ErrorMessage id={name} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        className={`input max-w-2xl ${error ? "border-error" : ""} ${className}`}
        aria-describedby={describedBy({ id: name, hint, error })}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </FieldGroup>
  );
}

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  /** A first option with an empty value, e.g. "Choose a region". */
  placeholder?: string;
};

export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  placeholder,
  className = "",
  ...select
}: SelectFieldProps) {
  return (
    <FieldGroup error={error}>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <Hint id={name} hint={hint} />
      <ErrorMessage id={name} error={error} />
      <select
        id={name}
        name={name}
        className={`input w-auto max-w-xl ${error ? "border-error" : ""} ${className}`}
        aria-describedby={describedBy({ id: name, hint, error })}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

type ChoiceGroupProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  choices: readonly Choice[];
  /** Shows the choices side by side (for two short answers such as Yes / No). */
  inline?: boolean;
  /** The legend as a page heading (GOV.UK "question pages"). */
  legendClassName?: string;
};

/** Radios or checkboxes in a fieldset; the first input carries the name as its id, for the error summary link. */
function ChoiceFieldset({
  type,
  name,
  legend,
  hint,
  error,
  choices,
  inline,
  legendClassName = "",
  isChecked,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  return (
    <FieldGroup error={error}>
      {/* min-w-0: a fieldset is never narrower than its content by default, which pushed a phone's page sideways at 200 % text. */}
      <fieldset className="min-w-0" aria-describedby={describedBy({ id: name, hint, error })}>
        <legend className={`label ${legendClassName}`}>{legend}</legend>
        <Hint id={name} hint={hint} />
        <ErrorMessage id={name} error={error} />
        <div className={inline ? "flex flex-wrap gap-6" : "space-y-2"}>
          {choices.map((choice, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div key={choice.value} className="flex min-h-11 items-start gap-3">
                <input
                  id={id}
                  name={name}
                  type={type}
                  value={choice.value}
                  defaultChecked={isChecked(choice.value)}
                  className="mt-0.5 size-11 shrink-0 accent-ink"
                  aria-describedby={choice.hint ? `${id}-item-hint` : undefined}
                />
                <label htmlFor={id} className="min-h-11 min-w-0 flex-1 pt-1 [overflow-wrap:anywhere]">
                  {choice.label}
                  {choice.hint && (
                    <span id={`${id}-item-hint`} className="hint mb-0">
                      {choice.hint}
                    </span>
                  )}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FieldGroup>
  );
}

/** One answer from a few (GOV.UK radios). */
export function RadioGroup({ defaultValue, ...group }: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceFieldset {...group} type="radio" isChecked={(value) => value === defaultValue} />;
}

/** Any number of answers (GOV.UK checkboxes). */
export function CheckboxGroup({
  defaultValues = [],
  ...group
}: ChoiceGroupProps & { defaultValues?: readonly string[] }) {
  return <ChoiceFieldset {...group} type="checkbox" isChecked={(value) => defaultValues.includes(value)} />;
}

/** One yes/no tick box, sent as "true" when ticked. */
export function Checkbox({
  name,
  label,
  hint,
  error,
  defaultChecked,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  defaultChecked?: boolean;
}) {
  return (
    <FieldGroup error={error}>
      <ErrorMessage id={name} error={error} />
      <div className="flex min-h-11 items-start gap-3">
        <input
          id={name}
          name={name}
          type="checkbox"
          value="true"
          defaultChecked={defaultChecked}
          className="mt-0.5 size-11 shrink-0 accent-ink"
          aria-describedby={describedBy({ id: name, hint, error })}
        />
        <div className="min-h-11 flex-1 pt-1">
          <label htmlFor={name}>{label}</label>
          <Hint id={name} hint={hint} />
        </div>
      </div>
    </FieldGroup>
  );
}
