// A saved action plan (?view=plan&plan=<id>): its milestones in order, each with its why, to tick off,
// reorder, edit, annotate or remove; steps of the student's own; a private share link; print; a
// calendar file; delete. Every change saves at once with the version seen, so two tabs never silently
// overwrite each other. Steps whose node was retired from the graph say so.
import './plan-view.css';
import '../print.css';
import {
  CreatePlanDocument,
  DeletePlanDocument,
  PlanDocument,
  UpdatePlanDocument,
  type MilestoneInput,
  type MilestoneKind,
  type PlanFieldsFragment,
} from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { el, errorBox, statusLine, viewLink } from './dom.ts';
import { planToIcs } from './plan-ics.ts';

export interface PlanActions {
  open(id: string): void;
  openPlan(id: string): void;
  quiz(): void;
  /** Opens the plan afresh, as saved now (after a conflict, or to try again). */
  reload(): void;
}

type Plan = PlanFieldsFragment;
type Milestone = Plan['milestones'][number];

const KIND_WORDS: Readonly<Record<MilestoneKind, string>> = {
  SUBJECT: 'Subject',
  COURSE: 'Course',
  APPLICATION: 'Try it',
  SOFT_SKILL: 'Soft skill',
  MENTOR: 'People',
  OWN: 'My own step',
};

/** Makes a plan for a career and opens it; on failure the button says why. */
export async function startPlan(
  career: string,
  have: string[],
  button: HTMLButtonElement,
  openPlan: (id: string) => void,
  /** The subject a subject → field → career path starts from, if the plan comes from one. */
  subject: string | null = null,
): Promise<void> {
  button.disabled = true;
  const label = button.textContent;
  button.textContent = 'Making your plan…';
  try {
    const { createPlan } = await request(CreatePlanDocument, { input: { career, have, subject } });
    openPlan(createPlan.id);
  } catch (error) {
    button.textContent = label;
    button.disabled = false;
    button.after(errorBox(error, 'Could not make the plan.'));
  }
}

const toInput = (m: Milestone): MilestoneInput => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  why: m.why,
  ref: m.ref?.id ?? null,
  hours: m.hours ?? null,
  due: m.due ?? null,
  done: m.done,
  note: m.note,
});

export function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function refNotice(m: Milestone): HTMLElement | null {
  if (!m.ref || m.ref.status === 'ACTIVE') return null;
  const when = m.ref.retiredAt ? ` on ${formatDate(m.ref.retiredAt)}` : '';
  const text =
    m.ref.status === 'RETIRED'
      ? `“${m.ref.name}” was retired from Pathways${when}, so this step may be out of date. Keep it, edit it or remove it.`
      : `“${m.ref.name}” is no longer in Pathways, so this step may be out of date. Keep it, edit it or remove it.`;
  return el('p', { class: 'ref-notice' }, el('strong', {}, 'Out of date: '), text);
}

function downloadIcs(plan: Plan): void {
  const ics = planToIcs({
    title: plan.title,
    milestones: plan.milestones.map((m) => ({ ...m, due: m.due ?? null })),
  });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = el('a', { href: url, download: 'pathways-plan.ics' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function renderPlan(
  container: HTMLElement,
  id: string | null,
  actions: PlanActions,
  isCurrent: () => boolean,
): Promise<void> {
  const heading = (text: string) => el('h2', { id: 'plan-heading', tabindex: '-1' }, text);
  if (!id) {
    container.replaceChildren(
      heading('Your plan'),
      statusLine('No plan is open. Take the quiz or pick your skills, then press “Make a plan” on a career.'),
    );
    return;
  }
  container.replaceChildren(heading('Your plan'), statusLine('Opening your plan…'));
  try {
    const { plan } = await request(PlanDocument, { id });
    if (!isCurrent()) return;
    createPlanEditor(container, plan, actions);
  } catch (error) {
    if (!isCurrent()) return;
    const gone = error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT');
    container.replaceChildren(
      heading('Your plan'),
      errorBox(
        gone
          ? new ApiError(
              'There is no plan at this link. It may have been deleted, or the link was not copied whole.',
              'NOT_FOUND',
            )
          : error,
        'Could not open the plan.',
        gone
          ? { label: 'Take the interests quiz', run: actions.quiz }
          : { label: 'Try again', run: actions.reload },
      ),
    );
  }
}

/** The plan on screen and the one way to change it: every change saves at once and redraws. */
interface PlanEditor {
  readonly container: HTMLElement;
  readonly actions: PlanActions;
  plan(): Plan;
  /** The milestones as they are now, ready to change and save. */
  milestones(): MilestoneInput[];
  /** Saves with the version seen, redraws, then puts focus back on `focus` (a selector). */
  save(milestones: MilestoneInput[], title?: string, focus?: string): Promise<void>;
}

function createPlanEditor(container: HTMLElement, initial: Plan, actions: PlanActions): void {
  let plan = initial;
  const status = el('p', { class: 'save-status', role: 'status' });
  const problems = el('div', { class: 'plan-problems' });
  const redraw = () => container.replaceChildren(...planParts(editor, status, problems));
  const editor: PlanEditor = {
    container,
    actions,
    plan: () => plan,
    milestones: () => plan.milestones.map(toInput),
    async save(milestones, title = plan.title, focus) {
      status.textContent = 'Saving…';
      problems.replaceChildren();
      try {
        const input = { title, milestones };
        plan = (await request(UpdatePlanDocument, { id: plan.id, version: plan.version, input })).updatePlan;
        redraw();
        status.textContent = 'Saved.';
        if (focus) container.querySelector<HTMLElement>(focus)?.focus();
      } catch (error) {
        status.textContent = '';
        problems.replaceChildren(saveProblem(error, actions));
      }
    },
  };
  redraw();
}

function saveProblem(error: unknown, actions: PlanActions): HTMLElement {
  const conflict = error instanceof ApiError && error.code === 'CONFLICT';
  return errorBox(
    error,
    'Could not save that change.',
    conflict ? { label: 'Reload the plan', run: actions.reload } : undefined,
  );
}

/** The whole plan, top to bottom. */
function planParts(editor: PlanEditor, status: HTMLElement, problems: HTMLElement): Node[] {
  const plan = editor.plan();
  const parts: (Node | null)[] = [
    ...planHeader(editor),
    planGoal(plan, editor.actions),
    el(
      'p',
      { class: 'plan-progress' },
      `${plan.milestones.filter((m) => m.done).length} of ${plan.milestones.length} ${plan.milestones.length === 1 ? 'step' : 'steps'} done`,
    ),
    plan.outdated > 0
      ? el(
          'p',
          { class: 'ref-notice', role: 'note' },
          `${plan.outdated} ${plan.outdated === 1 ? 'step refers' : 'steps refer'} to something no longer in Pathways: look for “Out of date” below.`,
        )
      : null,
    shareSection(plan),
    status,
    problems,
    el(
      'ol',
      { class: 'milestones', 'aria-labelledby': 'plan-heading' },
      ...plan.milestones.map((m, index) => milestoneItem(editor, m, index)),
    ),
    addForm((step) => void editor.save([...editor.milestones(), step], plan.title, '#add-title')),
    deleteBox(plan.id, editor.container, editor.actions),
    el('p', { class: 'print-only' }, `Printed from Pathways on ${formatDate(new Date().toISOString())}.`),
  ];
  return parts.filter((p): p is Node => p !== null);
}

/** The plan's name, with a way to rename it. */
function planHeader(editor: PlanEditor): HTMLElement[] {
  const plan = editor.plan();
  const rename = el(
    'button',
    { type: 'button', class: 'secondary small no-print', 'aria-expanded': 'false' },
    'Rename',
  );
  const renameForm = titleForm(
    plan.title,
    (title) => void editor.save(editor.milestones(), title, '#plan-heading'),
  );
  renameForm.hidden = true;
  rename.addEventListener('click', () => {
    renameForm.hidden = !renameForm.hidden;
    rename.setAttribute('aria-expanded', String(!renameForm.hidden));
    if (!renameForm.hidden) renameForm.querySelector('input')?.focus();
  });
  return [
    el('div', { class: 'plan-title' }, el('h2', { id: 'plan-heading', tabindex: '-1' }, plan.title), rename),
    renameForm,
  ];
}

function planGoal(plan: Plan, actions: PlanActions): HTMLElement | null {
  const goal = plan.goal;
  if (!goal) return null;
  return el(
    'p',
    { class: 'plan-goal' },
    'Working towards: ',
    goal.status === 'ACTIVE'
      ? viewLink(`/?node=${encodeURIComponent(goal.id)}`, goal.name, () => actions.open(goal.id))
      : el('span', {}, `${goal.name} (no longer in Pathways)`),
  );
}

/** The private link, and the plan on paper or in a calendar. */
function shareSection(plan: Plan): HTMLElement {
  const shareUrl = `${window.location.origin}/?view=plan&plan=${encodeURIComponent(plan.id)}`;
  const shareInput = el('input', { type: 'text', id: 'share-link', readonly: '', value: shareUrl });
  const copy = el('button', { type: 'button', class: 'secondary' }, 'Copy link');
  const copied = el('span', { role: 'status', class: 'copy-status' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(shareUrl);
      copied.textContent = 'Link copied';
    } catch {
      shareInput.select();
      copied.textContent = 'Press Ctrl+C (or ⌘C) to copy';
    }
  });
  const print = el('button', { type: 'button', class: 'secondary' }, 'Print');
  print.addEventListener('click', () => window.print());
  const ics = el('button', { type: 'button', class: 'secondary' }, 'Add dates to my calendar (.ics)');
  ics.addEventListener('click', () => downloadIcs(plan));
  return el(
    'section',
    { class: 'share no-print', 'aria-labelledby': 'share-heading' },
    el('h3', { id: 'share-heading' }, 'Keep and share your plan'),
    el(
      'p',
      {},
      'There is no account: this private link is the only way back to your plan. Anyone who has it can open and change the plan, so share it only with people you trust, such as your tutor or counsellor. Keep names, phone numbers and addresses out of your notes.',
    ),
    el('label', { for: 'share-link' }, 'Private link to this plan'),
    el('div', { class: 'share-row' }, shareInput, copy, copied),
    el('div', { class: 'plan-tools' }, print, ics),
  );
}

/** Saves the milestones after `change` has had its way with them. */
function change(editor: PlanEditor, focus: string, edit: (milestones: MilestoneInput[]) => MilestoneInput[]) {
  return editor.save(edit(editor.milestones()), editor.plan().title, focus);
}

function doneBox(editor: PlanEditor, m: Milestone, index: number): HTMLInputElement {
  const checkbox = el('input', { type: 'checkbox', id: `done-${m.id}`, 'aria-describedby': `why-${m.id}` });
  checkbox.checked = m.done;
  checkbox.addEventListener('change', () => {
    void change(editor, `#done-${m.id}`, (next) => {
      const item = next[index];
      if (item) item.done = checkbox.checked;
      return next;
    });
  });
  return checkbox;
}

function moveButton(editor: PlanEditor, m: Milestone, index: number, delta: number, label: string) {
  const button = el(
    'button',
    {
      type: 'button',
      class: 'secondary small',
      'aria-label': `${label}: ${m.title}`,
      'data-move': String(delta),
    },
    label,
  );
  button.disabled = index + delta < 0 || index + delta >= editor.plan().milestones.length;
  button.addEventListener('click', () => {
    void change(editor, `[data-milestone="${m.id}"] button[data-move="${delta}"]`, (next) => {
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + delta, 0, item);
      return next;
    });
  });
  return button;
}

function removeButton(editor: PlanEditor, m: Milestone, index: number): HTMLButtonElement {
  const remove = el(
    'button',
    { type: 'button', class: 'secondary small', 'aria-label': `Remove: ${m.title}` },
    'Remove',
  );
  remove.addEventListener('click', () => {
    void change(editor, '#plan-heading', (next) => next.filter((_, i) => i !== index));
  });
  return remove;
}

/** The Edit button and the form it folds open. */
function editToggle(editor: PlanEditor, m: Milestone, index: number) {
  const button = el(
    'button',
    { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-label': `Edit: ${m.title}` },
    'Edit',
  );
  const form = editForm(
    m,
    (changes) =>
      void change(editor, `[data-milestone="${m.id}"] button[aria-label^="Edit"]`, (next) => {
        const item = next[index];
        if (item) Object.assign(item, changes);
        return next;
      }),
    () => {
      form.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    },
  );
  form.hidden = true;
  button.addEventListener('click', () => {
    form.hidden = !form.hidden;
    button.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('input')?.focus();
  });
  return { button, form };
}

/** What a milestone says: when, how long, why, whether it is out of date, and the student's note. */
function milestoneText(m: Milestone): (HTMLElement | null)[] {
  const meta: string[] = [];
  if (m.due) meta.push(`Aim for ${formatDate(m.due)}`);
  if (m.hours) meta.push(`about ${m.hours} hours`);
  return [
    meta.length > 0 ? el('p', { class: 'milestone-meta' }, meta.join(' · ')) : null,
    m.why
      ? el('p', { class: 'why', id: `why-${m.id}` }, m.why)
      : el('span', { id: `why-${m.id}`, hidden: '' }),
    refNotice(m),
    m.note ? el('p', { class: 'note' }, el('strong', {}, 'My note: '), m.note) : null,
  ];
}

function milestoneItem(editor: PlanEditor, m: Milestone, index: number): HTMLLIElement {
  const edit = editToggle(editor, m, index);
  const ref = m.ref;
  const refLink =
    ref && ref.status === 'ACTIVE' && m.kind !== 'OWN'
      ? viewLink(`/?node=${encodeURIComponent(ref.id)}`, `More about ${ref.name}`, () =>
          editor.actions.open(ref.id),
        )
      : null;
  return el(
    'li',
    { class: `milestone${m.done ? ' is-done' : ''}`, 'data-milestone': m.id, 'data-kind': m.kind },
    el(
      'div',
      { class: 'milestone-head' },
      doneBox(editor, m, index),
      el('label', { for: `done-${m.id}`, id: `title-${m.id}`, class: 'milestone-title' }, m.title),
      el('span', { class: 'kind-badge' }, KIND_WORDS[m.kind]),
    ),
    ...milestoneText(m),
    el(
      'div',
      { class: 'milestone-actions no-print' },
      moveButton(editor, m, index, -1, 'Move up'),
      moveButton(editor, m, index, 1, 'Move down'),
      edit.button,
      removeButton(editor, m, index),
      refLink,
    ),
    edit.form,
  );
}

function titleForm(title: string, onSave: (title: string) => void): HTMLFormElement {
  const input = el('input', {
    type: 'text',
    id: 'plan-title-input',
    maxlength: '120',
    required: '',
    value: title,
  });
  const form = el(
    'form',
    { class: 'inline-form no-print' },
    el('label', { for: 'plan-title-input' }, 'Plan name'),
    input,
    el('button', { type: 'submit' }, 'Save name'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) onSave(input.value.trim());
  });
  return form;
}

function editForm(
  m: Milestone,
  onSave: (changes: Partial<MilestoneInput>) => void,
  onCancel: () => void,
): HTMLFormElement {
  const title = el('input', {
    type: 'text',
    id: `edit-title-${m.id}`,
    maxlength: '200',
    required: '',
    value: m.title,
  });
  const due = el('input', { type: 'date', id: `edit-due-${m.id}`, value: m.due ?? '' });
  const note = el('textarea', { id: `edit-note-${m.id}`, maxlength: '2000', rows: '3' });
  note.value = m.note;
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  cancel.addEventListener('click', onCancel);
  const form = el(
    'form',
    { class: 'edit-form no-print' },
    el('label', { for: title.id }, 'Step'),
    title,
    el('label', { for: due.id }, 'Aim for (date)'),
    due,
    el('label', { for: note.id }, 'My note'),
    note,
    el('div', { class: 'form-buttons' }, el('button', { type: 'submit' }, 'Save'), cancel),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!title.value.trim()) return title.focus();
    onSave({ title: title.value.trim(), due: due.value || null, note: note.value.trim() });
  });
  return form;
}

function addForm(onAdd: (step: MilestoneInput) => void): HTMLFormElement {
  const title = el('input', { type: 'text', id: 'add-title', maxlength: '200', required: '' });
  const due = el('input', { type: 'date', id: 'add-due' });
  const note = el('textarea', { id: 'add-note', maxlength: '2000', rows: '2' });
  const form = el(
    'form',
    { class: 'add-form no-print', 'aria-labelledby': 'add-heading' },
    el('h3', { id: 'add-heading' }, 'Add a step of your own'),
    el('label', { for: 'add-title' }, 'Step'),
    title,
    el('label', { for: 'add-due' }, 'Aim for (date, optional)'),
    due,
    el('label', { for: 'add-note' }, 'Note (optional)'),
    note,
    el('button', { type: 'submit' }, 'Add step'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!title.value.trim()) return title.focus();
    onAdd({
      kind: 'OWN',
      title: title.value.trim(),
      due: due.value || null,
      note: note.value.trim(),
      why: '',
    });
  });
  return form;
}

function deleteBox(id: string, container: HTMLElement, actions: PlanActions): HTMLElement {
  const box = el('section', { class: 'danger-zone no-print', 'aria-labelledby': 'delete-heading' });
  const ask = el('button', { type: 'button', class: 'danger' }, 'Delete this plan');
  const fill = () =>
    box.replaceChildren(
      el('h3', { id: 'delete-heading' }, 'Delete'),
      el('p', {}, 'Deleting removes the plan for everyone who has the link. It cannot be undone.'),
      ask,
    );
  ask.addEventListener('click', () => {
    const yes = el('button', { type: 'button', class: 'danger' }, 'Yes, delete it for good');
    const no = el('button', { type: 'button', class: 'secondary' }, 'Keep it');
    no.addEventListener('click', () => {
      fill();
      ask.focus();
    });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await request(DeletePlanDocument, { id });
        container.replaceChildren(
          el('h2', { id: 'plan-heading', tabindex: '-1' }, 'Plan deleted'),
          el('p', { role: 'status' }, 'Your plan is gone. Nothing about it is kept.'),
          viewLink('/?view=quiz', 'Take the interests quiz', actions.quiz),
        );
        container.querySelector<HTMLElement>('#plan-heading')?.focus();
      } catch (error) {
        box.append(errorBox(error, 'Could not delete the plan.'));
        yes.disabled = false;
      }
    });
    box.replaceChildren(
      el('h3', { id: 'delete-heading' }, 'Delete'),
      el('p', { role: 'alert' }, 'Delete this plan for good?'),
      el('div', { class: 'form-buttons' }, yes, no),
    );
    no.focus();
  });
  fill();
  return box;
}
