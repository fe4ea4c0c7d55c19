// A counsellor's tools for the node on screen: edit its fields, link it to another node, retire or
// restore it, and see its history with undo. Every action says what happened, or what to fix.
import {
  ConnectionsDocument,
  HistoryDocument,
  LinkNodesDocument,
  NodeRecordDocument,
  RelationshipRulesDocument,
  RetireNodeDocument,
  RestoreNodeDocument,
  UndoDocument,
  UnlinkNodesDocument,
  UpdateNodeDocument,
  type ChangeFieldsFragment,
  type ConnectionsQuery,
  type Level,
  type NodeKind,
  type NodeRecordQuery,
  type RelationshipRulesQuery,
} from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { leaveNotice, takeNotice } from '../state/notices.ts';
import { el, errorBox, statusLine } from './dom.ts';
import { kindInfo } from './kinds.ts';
import { loadNodeForm, type NodeForm } from './node-form.ts';
import { mountSearchBox } from './search-box.ts';

const LEVELS: readonly Level[] = ['BASIC', 'INTERMEDIATE', 'ADVANCED'];

export interface EditActions {
  /** Redraw every view from the graph as it now is. */
  refresh(): void;
}

type Rule = RelationshipRulesQuery['relationshipRules'][number];

let rules: Promise<Rule[]> | null = null;

function button(text: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = el('button', { type: 'button', class: className }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** Runs a write; on success notes it and redraws, on failure shows why beside the form. */
async function perform(
  feedback: HTMLElement,
  actions: EditActions,
  write: () => Promise<ChangeFieldsFragment>,
  onFieldError?: (field: string | undefined) => void,
): Promise<void> {
  feedback.replaceChildren(statusLine('Saving…'));
  try {
    const change = await write();
    leaveNotice({ text: `Done: ${change.summary}.`, change });
    actions.refresh();
  } catch (error) {
    if (error instanceof ApiError) onFieldError?.(error.field);
    feedback.replaceChildren(errorBox(error, 'The change could not be saved; nothing was changed.'));
  }
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function noticeBox(actions: EditActions): HTMLElement | null {
  const notice = takeNotice();
  if (!notice) return null;
  const { text, change } = notice;
  const box = el('div', { class: 'notice-box', role: 'status' }, el('p', {}, text));
  if (change && change.action !== 'UNDO') {
    const feedback = el('div', {});
    box.append(
      button(
        'Undo this',
        () =>
          void perform(
            feedback,
            actions,
            async () => (await request(UndoDocument, { changeId: change.id })).undo,
          ),
      ),
      feedback,
    );
  }
  return box;
}

function historyList(changes: ChangeFieldsFragment[], actions: EditActions): HTMLElement {
  if (changes.length === 0)
    return el('p', { class: 'status' }, 'No changes yet: this is the node as first loaded.');
  const list = el('ol', { class: 'history' });
  for (const change of changes) {
    const feedback = el('div', {});
    const undone = change.undoneBy !== null && change.undoneBy !== undefined;
    list.append(
      el(
        'li',
        {},
        el(
          'p',
          {},
          el('strong', {}, change.summary),
          undone ? el('span', { class: 'meta' }, ' (undone)') : null,
        ),
        el('p', { class: 'meta' }, `${change.by}, ${when(change.at)}`),
        change.diff.length > 0
          ? el(
              'ul',
              { class: 'diff' },
              ...change.diff.flatMap((d) =>
                d.fields
                  .slice(0, 6)
                  .map((f) => el('li', {}, `${f.name}: ${f.before ?? '—'} → ${f.after ?? '—'}`)),
              ),
            )
          : null,
        undone
          ? null
          : button(
              'Undo',
              () =>
                void perform(
                  feedback,
                  actions,
                  async () => (await request(UndoDocument, { changeId: change.id })).undo,
                ),
              'secondary',
            ),
        feedback,
      ),
    );
  }
  return list;
}

type Choice = { rule: Rule; outgoing: boolean };

/** Each rule can be used with this node at either end, where its kind fits; one option per use. */
function linkTypeSelect(kind: NodeKind, allRules: Rule[]): { select: HTMLSelectElement; choices: Choice[] } {
  const choices = allRules.flatMap((rule) => [
    ...(rule.from.includes(kind) ? [{ rule, outgoing: true }] : []),
    ...(rule.to.includes(kind) ? [{ rule, outgoing: false }] : []),
  ]);
  const select = el(
    'select',
    { id: 'link-type' },
    ...choices.map((c, i) => {
      const others = (c.outgoing ? c.rule.to : c.rule.from)
        .map((k) => kindInfo(k).label.toLowerCase())
        .join(' or ');
      const words = c.rule.type.toLowerCase().replace('_', ' ');
      return el(
        'option',
        { value: String(i) },
        c.outgoing ? `this ${words} → a ${others}` : `a ${others} ${words} → this`,
      );
    }),
  );
  return { select, choices };
}

/** Why, strength and level: the link's own fields (strength and level only where the rule has them). */
function linkFields() {
  const why = el('textarea', { id: 'link-why', rows: '2' });
  const weight = el('input', {
    id: 'link-weight',
    type: 'number',
    min: '0',
    max: '1',
    step: '0.05',
    value: '0.7',
  });
  const level = el(
    'select',
    { id: 'link-level' },
    ...LEVELS.map((l) => el('option', { value: l }, l.toLowerCase())),
  );
  return {
    why,
    weight,
    level,
    whyRow: el(
      'div',
      { class: 'form-row' },
      el('label', { for: 'link-why' }, 'Why (one sentence a student can read)'),
      why,
    ),
    weightRow: el(
      'div',
      { class: 'form-row' },
      el('label', { for: 'link-weight' }, 'Strength (0 to 1)'),
      weight,
    ),
    levelRow: el('div', { class: 'form-row' }, el('label', { for: 'link-level' }, 'Level needed'), level),
  };
}

function linkForm(nodeId: string, kind: NodeKind, allRules: Rule[], actions: EditActions): HTMLElement {
  const { select, choices } = linkTypeSelect(kind, allRules);
  const fields = linkFields();
  const feedback = el('div', {});
  let target: { id: string; name: string } | null = null;
  const chosen = el('p', { class: 'meta', 'aria-live': 'polite' }, 'No node chosen yet.');
  const searchSlot = el('div', { class: 'link-search' });
  // A new kind of link starts the other end afresh: the search offers only the kinds that fit.
  const update = () => {
    const choice = choices[Number(select.value)];
    if (!choice) return;
    fields.weightRow.hidden = !choice.rule.hasStrength;
    fields.levelRow.hidden = !choice.rule.hasLevel;
    target = null;
    chosen.textContent = 'No node chosen yet.';
    searchSlot.replaceChildren();
    const kinds = [...(choice.outgoing ? choice.rule.to : choice.rule.from)];
    mountSearchBox(
      searchSlot,
      (hit) => {
        target = hit;
        chosen.textContent = `Chosen: ${hit.name}`;
      },
      { label: 'Link to', placeholder: 'Search for the other node…', kinds },
    );
  };
  select.addEventListener('change', update);
  update();
  const submit = button('Add the link', () => {
    const choice = choices[Number(select.value)];
    if (!choice) return;
    if (!target) {
      feedback.replaceChildren(
        el('p', { class: 'error', role: 'alert' }, 'Choose the node to link to first.'),
      );
      return;
    }
    const other = target.id;
    void perform(feedback, actions, async () => {
      const { linkNodes } = await request(LinkNodesDocument, {
        input: {
          type: choice.rule.type,
          from: choice.outgoing ? nodeId : other,
          to: choice.outgoing ? other : nodeId,
          why: fields.why.value,
          weight: choice.rule.hasStrength ? Number(fields.weight.value) : null,
          level: choice.rule.hasLevel ? (LEVELS.find((l) => l === fields.level.value) ?? null) : null,
        },
      });
      return linkNodes.change;
    });
  });
  return el(
    'section',
    { class: 'link-form', 'aria-labelledby': 'link-heading' },
    el('h3', { id: 'link-heading' }, 'Add a link'),
    el('div', { class: 'form-row' }, el('label', { for: 'link-type' }, 'Kind of link'), select),
    searchSlot,
    chosen,
    fields.whyRow,
    fields.weightRow,
    fields.levelRow,
    submit,
    feedback,
  );
}

/** This node's links, each with a way to remove it. */
function linkList(
  nodeId: string,
  connections: ConnectionsQuery['neighbourhood'],
  actions: EditActions,
): HTMLElement {
  const names = new Map(connections.nodes.map((n) => [n.id, n.name]));
  const edges = connections.edges.filter((e) => e.from === nodeId || e.to === nodeId);
  if (edges.length === 0) return el('p', { class: 'status' }, 'No links yet.');
  const list = el('ul', { class: 'links' });
  for (const edge of edges) {
    const feedback = el('div', {});
    const label = `${names.get(edge.from) ?? edge.from} ${edge.type.toLowerCase().replace('_', ' ')} ${names.get(edge.to) ?? edge.to}`;
    const remove = button(
      'Remove',
      () =>
        void perform(
          feedback,
          actions,
          async () =>
            (await request(UnlinkNodesDocument, { input: { type: edge.type, from: edge.from, to: edge.to } }))
              .unlinkNodes.change,
        ),
      'secondary small',
    );
    remove.setAttribute('aria-label', `Remove the link: ${label}`);
    list.append(el('li', {}, el('span', {}, label), remove, feedback));
  }
  return el('details', {}, el('summary', {}, `Links (${edges.length})`), list);
}

type NodeRecord = NodeRecordQuery['nodeRecord'];

/** The node's fields as a form; saving sends only what changed, with the version seen. */
function editSection(record: NodeRecord, form: NodeForm, actions: EditActions): HTMLElement {
  const { node } = record;
  const feedback = el('div', {});
  const save = button('Save changes', () => {
    const fields = form.values(true);
    if (Object.keys(fields).length === 0) {
      feedback.replaceChildren(statusLine('Nothing has changed yet.'));
      return;
    }
    void perform(
      feedback,
      actions,
      async () =>
        (await request(UpdateNodeDocument, { input: { id: node.id, version: record.version, fields } }))
          .updateNode.change,
      form.markInvalid,
    );
  });
  return el(
    'section',
    { 'aria-labelledby': 'edit-fields-heading' },
    el('h3', { id: 'edit-fields-heading' }, 'Edit'),
    form.element,
    save,
    feedback,
  );
}

/** Retire (after a second press that says what retiring means), or restore a retired node. */
function retireSection(record: NodeRecord, actions: EditActions): HTMLElement {
  const { node } = record;
  const feedback = el('div', {});
  const area = el('div', { class: 'retire' });
  const confirm = button(
    record.retired ? `Restore ${node.name}` : `Yes, retire ${node.name}`,
    () =>
      void perform(feedback, actions, async () =>
        record.retired
          ? (await request(RestoreNodeDocument, { id: node.id, version: record.version })).restoreNode.change
          : (await request(RetireNodeDocument, { id: node.id, version: record.version })).retireNode.change,
      ),
    record.retired ? '' : 'danger',
  );
  if (record.retired) area.append(confirm);
  else {
    const ask = button(
      'Retire…',
      () => {
        ask.hidden = true;
        area.prepend(
          el(
            'p',
            {},
            'Retired nodes disappear from every view but keep their id and links, and can be restored.',
          ),
        );
        area.append(confirm);
        confirm.focus();
      },
      'secondary',
    );
    area.append(ask);
  }
  return el(
    'section',
    { 'aria-labelledby': 'retire-heading' },
    el('h3', { id: 'retire-heading' }, record.retired ? 'Restore' : 'Retire'),
    area,
    feedback,
  );
}

function recordMeta(record: NodeRecord): HTMLElement {
  return el(
    'p',
    { class: 'meta' },
    `Version ${record.version}` +
      (record.updatedBy && record.updatedAt
        ? ` · last changed by ${record.updatedBy}, ${when(record.updatedAt)}`
        : '') +
      (record.retired ? ' · retired' : ''),
  );
}

export async function renderEditPanel(
  container: HTMLElement,
  nodeId: string,
  actions: EditActions,
  isCurrent: () => boolean,
): Promise<void> {
  container.hidden = false;
  container.replaceChildren(statusLine('Loading the curation tools…'));
  try {
    rules ??= request(RelationshipRulesDocument, {}).then((r) => r.relationshipRules);
    const [{ record, form }, { history }, allRules, connections] = await Promise.all([
      // The form needs the node's kind; its field rules are fetched once per page.
      request(NodeRecordDocument, { id: nodeId }).then(async ({ nodeRecord }) => ({
        record: nodeRecord,
        form: await loadNodeForm(nodeRecord.node.kind, nodeRecord.node),
      })),
      request(HistoryDocument, { nodeId, first: 20 }),
      rules,
      // A retired node has no neighbourhood to read; its links are kept and come back with it.
      request(ConnectionsDocument, { id: nodeId }).then(
        (c) => c.neighbourhood,
        () => null,
      ),
    ]);
    if (!isCurrent()) return;
    const { node } = record;
    container.replaceChildren(
      el('h2', { id: 'edit-heading' }, `Curate: ${node.name}`),
      recordMeta(record),
      noticeBox(actions) ?? '',
      editSection(record, form, actions),
      linkForm(node.id, node.kind, allRules, actions),
      connections ? linkList(node.id, connections, actions) : '',
      retireSection(record, actions),
      el(
        'section',
        { 'aria-labelledby': 'history-heading' },
        el('h3', { id: 'history-heading' }, 'History'),
        historyList(history.changes, actions),
      ),
    );
  } catch (error) {
    if (isCurrent()) container.replaceChildren(errorBox(error, 'Could not load the curation tools.'));
  }
}
