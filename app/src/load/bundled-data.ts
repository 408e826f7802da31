import type { InputSource } from '../worker/worker-protocol.js';

/**
 * Files the build ships beside the page (samples/index.json and the sample logs). Over http they are
 * fetched. A page opened from disk (file://) may not fetch at all, but it may run a classic script from
 * its own folder: the build writes each file a second time as `<path>.js`, which stores its text in
 * `window.__spelunkData[path]`, and the page reads it from there.
 */
export async function loadBundledData(path: string): Promise<string | null> {
  if (typeof location !== 'undefined' && location.protocol === 'file:') return loadByScript(path);
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

/** Inputs the worker can read: bundled samples on a page from disk become their text. */
export async function resolveBundledInputs(inputs: InputSource[]): Promise<InputSource[]> {
  if (typeof location === 'undefined' || location.protocol !== 'file:') return inputs;
  return Promise.all(
    inputs.map(async (input): Promise<InputSource> => {
      if (input.type !== 'url' || !input.bundled) return input;
      const text = await loadBundledData(decodeURIComponent(input.url));
      if (text === null) throw new Error(`${input.name} is missing from this build's samples folder.`);
      return { type: 'text', text, name: input.name };
    }),
  );
}
