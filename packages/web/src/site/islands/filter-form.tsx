import { useRef } from "react";

export interface FilterField {
  name: string;
  label: string;
  value: string;
  /** A select's choices; a search box when absent. */
  options?: { value: string; label: string }[];
}

export interface FilterFormProps {
  action: string;
  label: string;
  fields: FilterField[];
  submit: string;
  reset: string;
}

/**
 * The filters of a public list: a plain GET form that works without JavaScript; once hydrated, a
 * changed select applies at once. Every field has its visible label.
 */
export function FilterForm({ action, label, fields, submit, reset }: FilterFormProps) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <search>
      <form ref={form} className="filters" method="get" action={action} aria-label={label}>
        {fields.map((f) => {
          const id = `filter-${f.name}`;
          return (
            <div key={f.name} className="field">
              <label htmlFor={id}>{f.label}</label>
              {f.options ? (
                <select id={id} name={f.name} defaultValue={f.value} onChange={() => form.current?.requestSubmit()}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={id} name={f.name} type="search" defaultValue={f.value} />
              )}
            </div>
          );
        })}
        <div className="actions">
          <button type="submit">{submit}</button>
          <a href={action}>{reset}</a>
        </div>
      </form>
    </search>
  );
}
