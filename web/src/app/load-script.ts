// web (app): loads one of the page's on-demand libraries (assets/*.js, copied by the Vite build) with a
// classic <script>, the one way that works from file:// as well as over HTTP, and hands back the global
// it defines. Each file is requested once; one the page has already run (Cytoscape, a deferred script of
// index.html in the build) is not requested again.

const loading = new Map<string, Promise<unknown>>();

export function loadScript<T>(file: string, global: string): Promise<T> {
  let p = loading.get(file);
  if (!p) {
    const defined = (window as unknown as Record<string, unknown>)[global];
    p = defined !== undefined ? Promise.resolve(defined) : new Promise<unknown>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(`assets/${file}`, document.baseURI).href;
      script.async = true;
      script.onload = () => {
        const value = (window as unknown as Record<string, unknown>)[global];
        if (value === undefined) reject(new Error(`assets/${file} did not define ${global}`));
        else resolve(value);
      };
      script.onerror = () => reject(new Error(`could not load assets/${file}`));
      document.head.append(script);
    });
    loading.set(file, p);
  }
  return p as Promise<T>;
}
