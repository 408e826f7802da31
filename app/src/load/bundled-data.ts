import type { InputSource } from '../worker/worker-protocol.js';

/**
 * Files the build ships beside the page (samples/index.json and the sample logs), each as `<path>.js`: a
 * classic script that stores the file's text in `window.__spelunkData[path]`. A page opened from disk
 * (file://) may not fetch at all, but it may run a script from its own folder, and over http the same
 * script loads from any static host: so the build ships each file once, in that form. Without a page
 * (the app's logic run under Node in tests) the file is fetched as it is.
 */
export async function loadBundledData(path: string): Promise<string | null> {
  if (typeof document !== 'undefined') return loadByScript(path);
  try {
    const res = await fetch(path);
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

type DataWindow = Window & { __spelunkData?: Record<string, string> };

function loadByScript(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = `${path}.js`;
    const done = (): void => {
      const store = (window as DataWindow).__spelunkData ?? {};
      const text = store[path] ?? null;
      delete store[path];
      script.remove();
      resolve(text);
    };
    script.onload = done;
    script.onerror = done;
    document.head.appendChild(script);
  });
}

/** Inputs the worker can read: bundled samples become their text (the worker has no page to load scripts in). */
export async function resolveBundledInputs(inputs: InputSource[]): Promise<InputSource[]> {
  if (typeof document === 'undefined') return inputs;
  return Promise.all(
    inputs.map(async (input): Promise<InputSource> => {
      if (input.type !== 'url' || !input.bundled) return input;
      const text = await loadBundledData(decodeURIComponent(input.url));
      if (text === null) throw new Error(`${input.name} is missing from this build's samples folder.`);
      return { type: 'text', text, name: input.name };
    }),
  );
}
