import type { ConnectionConfig } from '../../src/config';

interface Props {
  readonly connections: readonly Pick<ConnectionConfig, 'id' | 'name'>[];
  /** A connection id, or '' for the empty option. */
  readonly value: string;
  onChange(id: string): void;
  /** Text of the '' option ("Any connection", "(new, not saved)"); no such option when absent. */
  readonly emptyOption?: string;
  readonly id?: string;
  readonly 'aria-label'?: string;
  readonly className?: string;
}

/** A `<select>` of the saved connections by name (the id when unnamed). */
export function ConnectionSelect({ connections, value, onChange, emptyOption, id, className, 'aria-label': ariaLabel }: Props) {
  return (
    <select id={id} aria-label={ariaLabel} className={className} value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyOption !== undefined && <option value="">{emptyOption}</option>}
      {connections.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name || c.id}
        </option>
      ))}
    </select>
  );
}
