// The counsellors' page: sign in; then add a node, see every recent change with undo, and import or
// export data. Students never need it: reading is open without an account.
import {
  CreateNodeDocument,
  RecentChangesDocument,
  UndoDocument,
  type ChangeFieldsFragment,
  type NodeKind,
} from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { currentViewer, signIn, signOut } from '../state/session.ts';
import { el, errorBox, statusLine, viewLink } from './dom.ts';
import { KINDS } from './kinds.ts';
import { loadNodeForm, type NodeForm } from './node-form.ts';
import { transferPanel } from './transfer-panel.ts';

export interface CurateActions {
  openNode(id: string): void;
  refresh(): void;
}

function signInForm(actions: CurateActions): HTMLElement {
  const email = el('input', { id: 'signin-email', type: 'email', autocomplete: 'username', required: '' });
  const password = el('input', {
    id: 'signin-password',
    type: 'password',
    autocomplete: 'current-password',
    required: '',
  });
  const feedback = el('div', { 'aria-live': 'polite' });
  const form = el(
    'form',
    { class: 'signin', 'aria-labelledby': 'signin-heading' },
    el('h3', { id: 'signin-heading' }, 'Counsellor sign-in'),
    el(
      'p',
      { class: 'description' },
      'Reading Pathways needs no account. Sign in to add, edit, link or retire nodes.',
    ),
    el('div', { class: 'form-row' }, el('label', { for: 'signin-email' }, 'Email'), email),
    el('div', { class: 'form-row' }, el('label', { for: 'signin-password' }, 'Password'), password),
    el('button', { type: 'submit' }, 'Sign in'),
    feedback,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.replaceChildren(statusLine('Signing in…'));
    signIn(email.value, password.value).then(
      () => actions.refresh(),
      (error: unknown) => {
        password.value = '';
        feedback.replaceChildren(errorBox(error, 'Could not sign in.'));
      },
    );
  });
  return form;
}

interface DrawnForm {
  kind: NodeKind;
  form: NodeForm;
}

/** The kind select, and the fields of the kind it shows, drawn again whenever it changes. */
function kindFields(): { kind: HTMLSelectElement; slot: HTMLElement; drawn(): DrawnForm | null } {
  const kind = el(
    'select',
    { id: 'create-kind' },
    ...KINDS.map((k) => el('option', { value: k.kind }, k.label)),
  );
  const slot = el('div', {});
  // Null while the chosen kind's form is loading, so nothing is sent with another kind's fields.
  let drawn: DrawnForm | null = null;
  let asked = 0;
  const remake = () => {
    const chosen = KINDS[kind.selectedIndex]?.kind;
    if (!chosen) return;
    // Choosing again before a form arrives must not let the earlier kind's form be drawn.
    const mine = ++asked;
    drawn = null;
    slot.replaceChildren(statusLine('Loading the fields…'));
    loadNodeForm(chosen, null).then(
      (form) => {
        if (mine !== asked) return;
        drawn = { kind: chosen, form };
        slot.replaceChildren(form.element);
      },
      (error: unknown) => {
        if (mine === asked) slot.replaceChildren(errorBox(error, 'Could not load the fields for this kind.'));
      },
    );
  };
  kind.addEventListener('change', remake);
  remake();
  return { kind, slot, drawn: () => drawn };
}

function createForm(actions: CurateActions): HTMLElement {
  const { kind, slot, drawn } = kindFields();
  const id = el('input', { id: 'create-id', type: 'text', 'aria-describedby': 'create-id-hint' });
  const feedback = el('div', { 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit' }, 'Create');
  const element = el(
    'form',
    { class: 'create', 'aria-labelledby': 'create-heading' },
    el('h3', { id: 'create-heading' }, 'Add a node'),
    el('div', { class: 'form-row' }, el('label', { for: 'create-kind' }, 'Kind'), kind),
    el(
      'div',
      { class: 'form-row' },
      el('label', { for: 'create-id' }, 'Id'),
      id,
      el(
        'span',
        { class: 'hint', id: 'create-id-hint' },
        'lower-case words joined by hyphens, such as marine-biologist; it never changes',
      ),
    ),
    slot,
    submit,
    feedback,
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const current = drawn();
    if (!current) {
      feedback.replaceChildren(statusLine('The fields are still loading.'));
      return;
    }
    const { form } = current;
    feedback.replaceChildren(statusLine('Creating…'));
    request(CreateNodeDocument, {
      input: { kind: current.kind, id: id.value.trim(), fields: form.values(false) },
    }).then(
      ({ createNode }) => {
        feedback.replaceChildren(
          el(
            'p',
            { role: 'status' },
            `Created ${createNode.record.node.name}. `,
            viewLink(`/?node=${encodeURIComponent(createNode.record.node.id)}`, 'Open it', () =>
              actions.openNode(createNode.record.node.id),
            ),
          ),
        );
      },
      (error: unknown) => {
        if (error instanceof ApiError) {
          if (error.field) form.markInvalid(error.field);
          else if (error.message.includes('id')) id.setAttribute('aria-invalid', 'true');
        }
        feedback.replaceChildren(errorBox(error, 'Could not create the node; nothing was changed.'));
      },
    );
  });
  return element;
}

function changeRow(change: ChangeFieldsFragment, actions: CurateActions): HTMLLIElement {
  const feedback = el('div', {});
  const undone = Boolean(change.undoneBy);
  const undo = el('button', { type: 'button', class: 'secondary' }, 'Undo');
  undo.addEventListener('click', () => {
    feedback.replaceChildren(statusLine('Undoing…'));
    request(UndoDocument, { changeId: change.id }).then(
      () => actions.refresh(),
      (error: unknown) => feedback.replaceChildren(errorBox(error, 'Could not undo; nothing was changed.')),
    );
  });
  const first = change.nodeIds[0];
  return el(
    'li',
    {},
    el('p', {}, el('strong', {}, change.summary), undone ? el('span', { class: 'meta' }, ' (undone)') : null),
    el('p', { class: 'meta' }, `#${change.seq} · ${change.by} · ${new Date(change.at).toLocaleString()}`),
    first && change.action !== 'IMPORT'
      ? viewLink(`/?node=${encodeURIComponent(first)}`, 'Open', () => actions.openNode(first))
      : null,
    undone ? null : undo,
    feedback,
  );
}

async function recentChanges(actions: CurateActions): Promise<HTMLElement> {
  const { recentChanges: page } = await request(RecentChangesDocument, { first: 30 });
  return el(
    'section',
    { 'aria-labelledby': 'changes-heading' },
    el('h3', { id: 'changes-heading' }, 'Recent changes'),
    page.changes.length === 0
      ? el('p', { class: 'status' }, 'No changes yet.')
      : el('ol', { class: 'history' }, ...page.changes.map((c) => changeRow(c, actions))),
  );
}

export async function renderCurate(
  container: HTMLElement,
  actions: CurateActions,
  isCurrent: () => boolean,
): Promise<void> {
  const viewer = currentViewer();
  const heading = el('h2', { id: 'curate-heading' }, 'Curate the graph');
  if (!viewer) {
    container.replaceChildren(heading, signInForm(actions));
    return;
  }
  const out = el('button', { type: 'button', class: 'secondary' }, 'Sign out');
  out.addEventListener('click', () => void signOut().then(() => actions.refresh()));
  container.replaceChildren(
    heading,
    el('p', { class: 'signed-in' }, `Signed in as ${viewer.email} (${viewer.role.toLowerCase()}). `, out),
    statusLine('Loading recent changes…'),
  );
  try {
    const changes = await recentChanges(actions);
    if (!isCurrent()) return;
    container.replaceChildren(
      heading,
      el('p', { class: 'signed-in' }, `Signed in as ${viewer.email} (${viewer.role.toLowerCase()}). `, out),
      el(
        'p',
        { class: 'description' },
        'To edit, link or retire a node, open it in the graph: the curation tools appear below the graph.',
      ),
      el('div', { class: 'curate-grid' }, createForm(actions), changes),
      transferPanel(actions.refresh),
    );
  } catch (error) {
    if (isCurrent())
      container.replaceChildren(heading, errorBox(error, 'Could not load the recent changes.'));
  }
}
