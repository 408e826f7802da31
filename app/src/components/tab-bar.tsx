/**
 * A row of tabs (role="tablist"). With `panelIds`, each tab is `tab-<id>` and controls `panel-<id>`, for a
 * caller that renders the matching role="tabpanel".
 */
export function TabBar<T extends string>(props: {
  label: string;
  tabs: readonly (readonly [T, string])[];
  selected: T;
  onSelect: (id: T) => void;
  panelIds?: boolean;
}) {
  const { label, tabs, selected, onSelect, panelIds } = props;
  return (
    <div
      role="tablist"
      aria-label={label}
      className="flex gap-1 border-b border-slate-200 px-2 pt-1 dark:border-slate-700"
    >
      {tabs.map(([id, text]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={panelIds ? `tab-${id}` : undefined}
          aria-selected={selected === id}
          aria-controls={panelIds ? `panel-${id}` : undefined}
          className="tab"
          onClick={() => onSelect(id)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
