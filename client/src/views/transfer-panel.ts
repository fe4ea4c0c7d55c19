// Import with a dry run first (what would change, and every problem with file, row and column), then
// a confirm step; and export of the whole graph as files to download. Imports of any size go through
// the staged upload (transfer-upload.ts), so whatever export gives can be imported back.
import { ExportGraphDocument, type ExportFormat, type ImportFormat } from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { el, errorBox, statusLine } from './dom.ts';
import { stagedImport, type Send, type StagedReport } from './transfer-upload.ts';

const send: Send = request;

const FORMATS: { value: ImportFormat; label: string; hint: string }[] = [
  {
    value: 'JSON',
    label: 'JSON',
    hint: 'a Pathways export (pathways-graph.json) or the seed files (careers.json, …)',
  },
  { value: 'CSV', label: 'CSV', hint: 'nodes.csv and relationships.csv, as docs/import-export.md describes' },
  {
    value: 'ONET',
    label: 'O*NET text files',
    hint: 'Occupation Data.txt, Skills.txt, Related Occupations.txt, Job Zones.txt, Interests.txt',
  },
];

type Report = StagedReport;

function ids(title: string, list: string[]): HTMLElement | null {
  if (list.length === 0) return null;
  const shown = list.slice(0, 30).join(', ');
  return el(
    'p',
    {},
    el('strong', {}, `${title} (${list.length}): `),
    list.length > 30 ? `${shown}, …` : shown,
  );
}

function reportView(report: Report): HTMLElement {
  const verb = report.dryRun ? 'would' : 'did';
  const box = el(
    'div',
    { class: report.problems.length > 0 ? 'report error' : 'report notice-box', role: 'status' },
    el(
      'p',
      {},
      report.problems.length > 0
        ? `${report.problems.length} problem(s): nothing was imported. Fix them and check again.`
        : `The import ${verb} create ${report.created.length} node(s), update ${report.updated.length}, leave ${report.unchanged} unchanged, add ${report.linked} link(s) and update ${report.relinked}.`,
    ),
    ids('New', report.created),
    ids('Updated', report.updated),
  );
  if (report.problems.length > 0) {
    box.append(
      el(
        'table',
        { class: 'problems' },
        el('caption', {}, 'Problems'),
        el(
          'thead',
          {},
          el('tr', {}, ...['File', 'Row', 'Column', 'What to fix'].map((h) => el('th', { scope: 'col' }, h))),
        ),
        el(
          'tbody',
          {},
          ...report.problems
            .slice(0, 200)
            .map((p) =>
              el(
                'tr',
                {},
                el('td', {}, p.file),
                el('td', {}, p.row === null || p.row === undefined ? '—' : String(p.row)),
                el('td', {}, p.column ?? '—'),
                el('td', {}, p.message),
              ),
            ),
        ),
      ),
    );
  }
  if (report.change)
    box.append(
      el(
        'p',
        {},
        `Recorded as change #${report.change.seq}: undo it from Recent changes to revert the whole import.`,
      ),
    );
  return box;
}

async function readFiles(input: HTMLInputElement): Promise<{ name: string; content: string }[]> {
  return Promise.all(
    [...(input.files ?? [])].map(async (file) => ({ name: file.name, content: await file.text() })),
  );
}

function download(name: string, content: string): void {
  const url = URL.createObjectURL(
    new Blob([content], { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }),
  );
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function transferPanel(onImported: () => void): HTMLElement {
  const format = el(
    'select',
    { id: 'import-format' },
    ...FORMATS.map((f) => el('option', { value: f.value }, f.label)),
  );
  const hint = el('span', { class: 'hint', id: 'import-format-hint' }, FORMATS[0]?.hint ?? '');
  format.setAttribute('aria-describedby', 'import-format-hint');
  format.addEventListener('change', () => {
    hint.textContent = FORMATS.find((f) => f.value === format.value)?.hint ?? '';
  });
  const files = el('input', { id: 'import-files', type: 'file', multiple: '', accept: '.json,.csv,.txt' });
  const result = el('div', { 'aria-live': 'polite' });
  const check = el('button', { type: 'button' }, 'Check (dry run)');

  const run = async (dryRun: boolean) => {
    const chosen = await readFiles(files);
    if (chosen.length === 0) {
      result.replaceChildren(
        el('p', { class: 'error', role: 'alert' }, 'Choose the file(s) to import first.'),
      );
      return;
    }
    const status = statusLine('Uploading…');
    result.replaceChildren(status);
    try {
      const report = await stagedImport(send, format.value as ImportFormat, chosen, dryRun, {
        onProgress: (sent, total) => {
          status.textContent =
            sent < total ? `Uploading ${sent + 1} of ${total}…` : dryRun ? 'Checking…' : 'Importing…';
        },
      });
      result.replaceChildren(reportView(report));
      const changes = report.created.length + report.updated.length + report.linked + report.relinked;
      if (dryRun && report.problems.length === 0 && changes > 0) {
        const confirm = el('button', { type: 'button', class: 'danger' }, 'Import now');
        confirm.addEventListener('click', () => void run(false));
        result.append(confirm);
      }
      if (!dryRun && report.change) onImported();
    } catch (error) {
      result.replaceChildren(errorBox(error, 'The import could not be checked; nothing was changed.'));
    }
  };
  check.addEventListener('click', () => void run(true));

  return el(
    'section',
    { class: 'transfer', 'aria-labelledby': 'transfer-heading' },
    el('h3', { id: 'transfer-heading' }, 'Import and export'),
    el(
      'p',
      { class: 'description' },
      'An import is checked first and then written all at once, or not at all; it can be undone as one change.',
    ),
    el('div', { class: 'form-row' }, el('label', { for: 'import-format' }, 'Format'), format, hint),
    el('div', { class: 'form-row' }, el('label', { for: 'import-files' }, 'Files'), files),
    check,
    result,
    ...exportSection(),
  );
}

/** Export of the whole graph, as JSON or CSV files to download. */
function exportSection(): HTMLElement[] {
  const exportStatus = el('div', { 'aria-live': 'polite' });
  const exportButton = (label: string, fmt: ExportFormat) => {
    const button = el('button', { type: 'button', class: 'secondary' }, label);
    button.addEventListener('click', () => {
      exportStatus.replaceChildren(statusLine('Preparing the export…'));
      request(ExportGraphDocument, { format: fmt }).then(
        ({ exportGraph }) => {
          for (const file of exportGraph.files) download(file.name, file.content);
          exportStatus.replaceChildren(
            statusLine(`Downloaded ${exportGraph.files.map((f) => f.name).join(' and ')}.`),
          );
        },
        (error: unknown) => exportStatus.replaceChildren(errorBox(error, 'The export failed.')),
      );
    });
    return button;
  };
  return [
    el('h4', {}, 'Export the whole graph'),
    el(
      'div',
      { class: 'actions' },
      exportButton('Download JSON', 'JSON'),
      exportButton('Download CSV', 'CSV'),
    ),
    exportStatus,
  ];
}
