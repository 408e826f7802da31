import { useRef, useState } from 'react';

/**
 * A file input that looks like the page's buttons: the native input stays (hidden, labelled, reachable
 * by tests and assistive tools) and a button opens it; the chosen names show beside it.
 */
export function FilePicker(props: {
  label: string;
  button: string;
  onFiles: (files: File[]) => void;
  testId?: string;
  primary?: boolean;
  /** Show the chosen files' names (for a picker whose choice waits for another one). */
  showChosen?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <div
      className={`flex flex-wrap items-center gap-2 ${props.primary ? 'mt-3 justify-center' : 'justify-start'}`}
    >
      <button
        type="button"
        className={props.primary ? 'btn-primary' : 'btn'}
        onClick={() => input.current?.click()}
      >
        {props.button}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        aria-label={props.label}
        data-testid={props.testId}
        className="sr-only"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          setChosen(files.map((f) => f.name));
          props.onFiles(files);
          if (!props.showChosen) e.currentTarget.value = '';
        }}
      />
      {props.showChosen && (
        <span
          className="min-w-0 truncate text-xs text-slate-600 dark:text-slate-400"
          data-testid={props.testId ? `${props.testId}-chosen` : undefined}
        >
          {chosen.length === 0
            ? 'no file chosen'
            : chosen.length === 1
              ? chosen[0]
              : `${chosen.length} files (${chosen[0]}, …)`}
        </span>
      )}
    </div>
  );
}
