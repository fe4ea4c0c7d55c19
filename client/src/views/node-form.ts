// The fields of a node as a form, for creating one or editing one: only the fields its kind has,
// each labelled, and a way to mark the one the server says is wrong. Which fields a kind has, their
// labels, hints, bounds and choices come from the server (nodeFieldRules), which reads the data
// model, so the form never disagrees with what createNode and updateNode accept.
import {
  NodeFieldRulesDocument,
  type NodeFieldRulesQuery,
  type NodeFieldsInput,
  type NodeKind,
  type RecordFieldsFragment,
} from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { el } from './dom.ts';

type Rule = NodeFieldRulesQuery['nodeFieldRules'][number];
type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

// The rules only change with a new server, so one fetch serves the page; a failed one is not kept,
// so the next form asks again.
let rules: Promise<Rule[]> | null = null;

function fieldRules(): Promise<Rule[]> {
  rules ??= request(NodeFieldRulesDocument, {}).then(
    (r) => r.nodeFieldRules,
    (error: unknown) => {
      rules = null;
      throw error;
    },
  );
  return rules;
}

export interface NodeForm {
  element: HTMLFieldSetElement;
  /** With `onlyChanged`, just the fields that differ from the starting values. */
  values(onlyChanged: boolean): NodeFieldsInput;
  markInvalid(field: string | undefined): void;
}

let forms = 0;

function currentValue(record: RecordFieldsFragment['node'] | null, field: string): string {
  if (!record) return '';
  const value: unknown = Object.entries(record).find(([key]) => key === field)?.[1];
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** "HARD" reads as "Hard". */
const choiceLabel = (choice: string) => choice.charAt(0) + choice.slice(1).toLowerCase();

/** The control for one rule, with the checks a browser can make itself; the server checks the rest. */
function control(rule: Rule, id: string, start: string): Input {
  const name = rule.field;
  if (rule.control === 'CHOICE') {
    const choices = rule.choices ?? [];
    // An optional choice may be left unset ("not rated yet"), so it offers that first.
    const select = el(
      'select',
      { id, name },
      ...(rule.required ? [] : [el('option', { value: '' }, 'Not set')]),
      ...choices.map((c) => el('option', { value: c }, choiceLabel(c))),
    );
    select.value = start || (rule.required ? (choices[0] ?? '') : '');
    return select;
  }
  if (rule.control === 'BOOLEAN') {
    const box = el('input', { id, name, type: 'checkbox' });
    box.checked = start === 'true';
    return box;
  }
  const input =
    rule.control === 'TEXTAREA'
      ? el('textarea', { id, name, rows: '3' })
      : el('input', {
          id,
          name,
          type: rule.control === 'INTEGER' || rule.control === 'NUMBER' ? 'number' : 'text',
        });
  if (rule.required) input.required = true;
  if (rule.control === 'TEXT' || rule.control === 'TEXTAREA') {
    if (rule.max !== null && rule.max !== undefined) input.maxLength = rule.max;
  } else if (input instanceof HTMLInputElement && rule.control !== 'LIST') {
    if (rule.control === 'NUMBER') input.step = 'any';
    if (rule.min !== null && rule.min !== undefined) input.min = String(rule.min);
    if (rule.max !== null && rule.max !== undefined) input.max = String(rule.max);
  }
  input.value = start;
  return input;
}

function buildForm(kind: NodeKind, record: RecordFieldsFragment['node'] | null, all: Rule[]): NodeForm {
  const prefix = `node-form-${++forms}`;
  const inputs = new Map<string, { input: Input; start: string; rule: Rule }>();
  const rows = all
    .filter((rule) => rule.kind === kind)
    .map((rule) => {
      const id = `${prefix}-${rule.field}`;
      const input = control(rule, id, currentValue(record, rule.field));
      // A select always has a value, so its start is what it shows: an unchanged one is not "changed".
      const shown =
        input instanceof HTMLInputElement && input.type === 'checkbox' ? String(input.checked) : input.value;
      inputs.set(rule.field, { input, start: shown, rule });
      const hintId = `${id}-hint`;
      if (rule.hint) input.setAttribute('aria-describedby', hintId);
      return el(
        'div',
        { class: 'form-row' },
        el('label', { for: id }, rule.label),
        input,
        rule.hint ? el('span', { class: 'hint', id: hintId }, rule.hint) : null,
      );
    });

  return {
    element: el('fieldset', { class: 'node-form' }, el('legend', {}, 'Fields'), ...rows),
    values(onlyChanged) {
      const out: Record<string, unknown> = {};
      for (const [field, { input, start, rule }] of inputs) {
        if (rule.control === 'BOOLEAN' && input instanceof HTMLInputElement) {
          if (!onlyChanged || String(input.checked) !== start) out[field] = input.checked;
          continue;
        }
        const raw = input.value.trim();
        // An unset optional choice is left out: there is nothing to store.
        if (rule.control === 'CHOICE' && raw === '') continue;
        if (onlyChanged && raw === start.trim()) continue;
        if (rule.control === 'LIST') {
          out[field] = raw
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean);
        } else if (rule.control === 'INTEGER' || rule.control === 'NUMBER') {
          if (raw !== '') out[field] = Number(raw);
        } else if (raw !== '' || onlyChanged) {
          out[field] = raw;
        }
      }
      return out as NodeFieldsInput;
    },
    markInvalid(field) {
      for (const { input } of inputs.values()) input.removeAttribute('aria-invalid');
      const bad = field ? inputs.get(field)?.input : undefined;
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
      }
    },
  };
}

/** The form for a node of `kind`, filled from `record` when editing one. */
export async function loadNodeForm(
  kind: NodeKind,
  record: RecordFieldsFragment['node'] | null,
): Promise<NodeForm> {
  return buildForm(kind, record, await fieldRules());
}
