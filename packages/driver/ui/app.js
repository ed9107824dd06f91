// The UI's router: hash routes (#/app/{appId}/jobs, .../jobs/{id}, .../stages/{id}/{attempt}, ...),
// a page rendered from the JSON API, rendered again when the server says the application changed.
import { getJson, listen } from './api.js';
import { esc } from './format.js';
import { applicationsPage, environmentPage, executorsPage, jobPage, jobsPage, stagesPage, storagePage, timelinePage } from './pages.js';
import { stagePage } from './stage-page.js';

const PAGES = { jobs: jobsPage, stages: stagesPage, timeline: timelinePage, executors: executorsPage, storage: storagePage, environment: environmentPage };
const NAV = ['jobs', 'stages', 'timeline', 'executors', 'storage', 'environment'];

let mode = 'driver';
let rendering = false;
let again = false;

function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'app' || parts.length < 2) return { appId: undefined };
  const [, appId, section = 'jobs', ...params] = parts;
  return { appId, section, params, base: `#/app/${encodeURIComponent(appId)}` };
}

function pageFor(r) {
  if (r.section === 'jobs' && r.params.length > 0) return jobPage;
  if (r.section === 'stages' && r.params.length > 0) return stagePage;
  return PAGES[r.section];
}

async function render() {
  if (rendering) {
    again = true;
    return;
  }
  rendering = true;
  const main = document.getElementById('page');
  try {
    const r = route();
    if (r.appId === undefined) {
      if (mode === 'driver') {
        const apps = await getJson('/applications');
        if (apps.length > 0) {
          location.replace(`#/app/${encodeURIComponent(apps[0].id)}/jobs`);
          return;
        }
      }
      document.getElementById('nav').innerHTML = '';
      document.getElementById('app-name').textContent = '';
      main.innerHTML = await applicationsPage();
      return;
    }
    const page = pageFor(r);
    const html = page ? await page(r) : `<p class="error">No page ${esc(r.section)}.</p>`;
    const scroll = window.scrollY;
    main.innerHTML = html;
    window.scrollTo(0, scroll);
    const app = await getJson(`/applications/${encodeURIComponent(r.appId)}`).catch(() => undefined);
    document.getElementById('app-name').textContent = app ? `${app.name} (${app.id})` : r.appId;
    document.title = app ? `${app.name} - Flint` : 'Flint';
    const links = NAV.map((s) => `<a href="${r.base}/${s}"${s === r.section ? ' class="current"' : ''}>${s[0].toUpperCase()}${s.slice(1)}</a>`);
    if (mode === 'history') links.unshift('<a href="#/">Applications</a>');
    document.getElementById('nav').innerHTML = links.join('');
  } catch (error) {
    main.innerHTML = `<p class="error">${esc(error.message)}</p>`;
  } finally {
    rendering = false;
    if (again) {
      again = false;
      render();
    }
  }
}

async function start() {
  mode = (await getJson('/ui')).mode;
  window.addEventListener('hashchange', render);
  listen(
    (appIds) => {
      const { appId } = route();
      if (appId === undefined || appIds.includes(appId)) render();
    },
    (connected) => document.getElementById('live').classList.toggle('on', connected),
  );
  await render();
}

start();
