import type { KeyboardEvent, Ref } from 'react';

export interface SearchOption {
  key: string;
  label: string;
  detail: string;
}

/**
 * A search box that owns the keyboard over a list of options (the palette, quick copy): the box
 * is a combobox pointing at the active option, ↑ and ↓ move, and the caller handles the rest of
 * the keys (`onKey`, with the active option). A pointer may hover and click an option.
 */
export function SearchOptions<T extends SearchOption>(props: {
  id: string;
  label: string;
  placeholder: string;
  query: string;
  onQuery: (query: string) => void;
  options: readonly T[];
  active: number;
  onActive: (index: number) => void;
  onKey: (event: KeyboardEvent<HTMLInputElement>, option: T | undefined) => void;
  onPick: (option: T) => void;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  /** While the list is still on its way, no "Nothing matches." */
  loading?: boolean;
}) {
  const { id, options, active, onActive, inputRef, className, query } = props;
  const { label, placeholder, onQuery, onKey, onPick, loading } = props;
  return (
    <>
      <input
        // eslint-disable-next-line jsx-a11y/no-autofocus -- these exist to be typed into
        autoFocus
        ref={inputRef}
        className={`palette__input${className ? ` ${className}__input` : ''}`}
        placeholder={placeholder}
        aria-label={label}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-results`}
        aria-activedescendant={options[active] ? `${id}-option-${active}` : undefined}
        value={query}
        onChange={(event) => {
          onQuery(event.target.value);
          onActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') onActive(Math.min(active + 1, options.length - 1));
          if (event.key === 'ArrowUp') onActive(Math.max(active - 1, 0));
          onKey(event, options[active]);
        }}
      />
      <ul
        className={`palette__list${className ? ` ${className}__list` : ''}`}
        id={`${id}-results`}
        role="listbox"
        aria-label="Results"
      >
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'palette__item palette__item--active' : 'palette__item'}
            onMouseEnter={() => onActive(index)}
            onClick={() => onPick(option)}
            // The input keeps the keyboard (arrows, Enter); a pointer may click an option.
            onKeyDown={(event) => event.key === 'Enter' && onPick(option)}
          >
            <span>{option.label}</span>
            <span className="palette__detail">{option.detail}</span>
          </li>
        ))}
      </ul>
      {options.length === 0 && !loading ? <p className="palette__empty">Nothing matches.</p> : null}
    </>
  );
}
