// Entry point: the header's tools, and the router, which draws the view the URL names and redraws
// when the URL changes. Views never change the URL themselves: they ask the router to navigate.
import { createRouter } from './router/router.ts';
import { URL_CODEC, VIEWS } from './router/registry.ts';
import { loadViewer, onViewerChange } from './state/session.ts';
import { mountSearchBox } from './views/search-box.ts';

const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
};

function wireCopyLink(): void {
  const status = byId('copy-status');
  byId('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      status.textContent = 'Link copied';
    } catch {
      status.textContent = `Copy this link: ${window.location.href}`;
    }
    setTimeout(() => (status.textContent = ''), 4000);
  });
}

const router = createRouter(VIEWS, URL_CODEC, { main: byId('main') });
wireCopyLink();
mountSearchBox(byId('search'), (hit) => router.navigate({ view: 'explore', node: hit.id }));
onViewerChange((viewer) => {
  byId('curate-link').textContent = viewer ? `Curating as ${viewer.email}` : 'For counsellors';
});
// Who is signed in decides whether the curation tools show, so it is known before the first drawing.
void loadViewer().then(() => router.start());
