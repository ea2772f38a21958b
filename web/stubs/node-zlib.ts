// Stands in for node:zlib in the browser build: just-bash's gzip/gunzip/zcat import it; the lab's hosts
// never run them through just-bash, so any call is a bug that should say so.

function unavailable(): never {
  throw new Error('node:zlib is not available in the browser');
}

export const gunzipSync = unavailable;
export const gzipSync = unavailable;
export const constants = {};
