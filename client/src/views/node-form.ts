// The fields of a node as a form, for creating one or editing one: only the fields its kind has,
// each labelled, and a way to mark the one the server says is wrong.
import type { NodeFieldsInput, NodeKind, RecordFieldsFragment } from '../api/generated/graphql.ts';
import { el } from './dom.ts';

type Key = keyof NodeFieldsInput;
type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface FieldSpec {
  key: Key;
  label: string;
  kinds: readonly NodeKind[] | 'all';
  control: 'text' | 'textarea' | 'number' | 'list' | readonly string[];
  hint?: string;
}

const FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Name', kinds: 'all', control: 'text', hint: '2 to 80 characters' },
  {
    key: 'description',
    label: 'Description',
    kinds: 'all',
    control: 'textarea',
    hint: '20 to 600 characters, for a student',
  },
  { key: 'aliases', label: 'Other names', kinds: 'all', control: 'list', hint: 'separated by commas' },
  { key: 'skillKind', label: 'Kind of skill', kinds: ['SKILL'], control: ['HARD', 'SOFT', 'TOOL'] },
  { key: 'onetSoc', label: 'O*NET-SOC code', kinds: ['CAREER'], control: 'text', hint: 'such as 19-2043.00' },
  {
    key: 'jobZone',
    label: 'Job zone',
    kinds: ['CAREER'],
    control: 'number',
    hint: '1 (little preparation) to 5',
  },
  { key: 'education', label: 'Typical route in', kinds: ['CAREER'], control: 'text' },
  { key: 'riasec', label: 'Holland (RIASEC) code', kinds: ['CAREER'], control: 'text', hint: 'such as IRC' },
  { key: 'outlook', label: 'Outlook', kinds: ['CAREER'], control: ['BRIGHT', 'STEADY', 'LIMITED'] },
  { key: 'outlookNote', label: 'Outlook note', kinds: ['CAREER'], control: 'textarea' },
  { key: 'provider', label: 'Provider', kinds: ['COURSE'], control: 'text' },
  {
    key: 'format',
    label: 'Format',
    kinds: ['COURSE'],
    control: ['SCHOOL', 'UNIVERSITY', 'ONLINE', 'WORKSHOP'],
  },
  {
    key: 'level',
    label: 'Level',
    kinds: ['COURSE'],
    control: ['SECONDARY', 'INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'],
  },
  { key: 'hours', label: 'Hours', kinds: ['COURSE'], control: 'number' },
  { key: 'example', label: 'Example', kinds: ['APPLICATION'], control: 'textarea' },
  { key: 'reflectionPrompt', label: 'Question to reflect on', kinds: ['APPLICATION'], control: 'textarea' },
];

export interface NodeForm {
  element: HTMLFieldSetElement;
  /** With `onlyChanged`, just the fields that differ from the starting values. */
  values(onlyChanged: boolean): NodeFieldsInput;
  markInvalid(field: string | undefined): void;
}

let forms = 0;

function currentValue(record: RecordFieldsFragment['node'] | null, key: Key): string {
  if (!record) return '';
  const value = (record as Record<string, unknown>)[key];
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

export function nodeForm(kind: NodeKind, record: RecordFieldsFragment['node'] | null): NodeForm {
  const prefix = `node-form-${++forms}`;
  const specs = FIELDS.filter((f) => f.kinds === 'all' || f.kinds.includes(kind));
  const inputs = new Map<Key, { input: Input; start: string; spec: FieldSpec }>();
  const rows = specs.map((spec) => {
    const id = `${prefix}-${spec.key}`;
    const start = currentValue(record, spec.key);
    let input: Input;
    if (Array.isArray(spec.control)) {
      input = el('select', { id, name: spec.key });
      for (const option of spec.control as readonly string[]) {
        input.append(el('option', { value: option }, option.charAt(0) + option.slice(1).toLowerCase()));
      }
      input.value = start || (spec.control[0] ?? '');
    } else if (spec.control === 'textarea') {
      input = el('textarea', { id, name: spec.key, rows: '3' });
      input.value = start;
    } else {
      input = el('input', { id, name: spec.key, type: spec.control === 'number' ? 'number' : 'text' });
      if (spec.key === 'hours') input.setAttribute('step', 'any');
      input.value = start;
    }
    inputs.set(spec.key, { input, start: Array.isArray(spec.control) ? input.value : start, spec });
    const hintId = `${id}-hint`;
    if (spec.hint) input.setAttribute('aria-describedby', hintId);
    return el(
      'div',
      { class: 'form-row' },
      el('label', { for: id }, spec.label),
      input,
      spec.hint ? el('span', { class: 'hint', id: hintId }, spec.hint) : null,
    );
  });

  return {
    element: el('fieldset', { class: 'node-form' }, el('legend', {}, 'Fields'), ...rows),
    values(onlyChanged) {
      const out: Record<string, unknown> = {};
      for (const [key, { input, start, spec }] of inputs) {
        const raw = input.value.trim();
        if (onlyChanged && raw === start.trim()) continue;
        if (spec.control === 'list') {
          out[key] = raw
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean);
        } else if (spec.control === 'number') {
          if (raw !== '') out[key] = Number(raw);
        } else if (raw !== '' || onlyChanged) {
          out[key] = raw;
        }
      }
      return out as NodeFieldsInput;
    },
    markInvalid(field) {
      for (const { input } of inputs.values()) input.removeAttribute('aria-invalid');
      const bad = field ? inputs.get(field as Key)?.input : undefined;
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
      }
    },
  };
}
