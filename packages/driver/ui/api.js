// The JSON API (/api/v1, Spark's REST shape) and the live-update stream the pages listen to.

export async function getJson(path) {
  const response = await fetch(`/api/v1${path}`, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message ?? `${response.status} for ${path}`);
  return body;
}

/** Calls `onChange(appIds)` whenever the server reports changed applications; `onState(connected)` as the stream comes and goes. */
export function listen(onChange, onState) {
  const source = new EventSource('/api/v1/stream');
  source.addEventListener('open', () => onState(true));
  source.addEventListener('error', () => onState(false));
  source.addEventListener('change', (event) => onChange(JSON.parse(event.data)));
  return source;
}
