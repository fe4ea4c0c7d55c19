// How each kind of node looks: colour (WCAG AA against white for text and strokes) and label.
import type { NodeKind } from '../api/generated/graphql.ts';

export const KINDS: readonly { kind: NodeKind; label: string; plural: string; colour: string }[] = [
  { kind: 'SUBJECT', label: 'Subject', plural: 'Subjects', colour: '#1f5fa8' },
  { kind: 'FIELD', label: 'Field', plural: 'Fields', colour: '#7a3e9d' },
  { kind: 'SKILL', label: 'Skill', plural: 'Skills', colour: '#1d7a4d' },
  { kind: 'CAREER', label: 'Career', plural: 'Careers', colour: '#b03a2e' },
  { kind: 'COURSE', label: 'Course', plural: 'Courses', colour: '#8a5a00' },
  { kind: 'APPLICATION', label: 'Application', plural: 'Applications', colour: '#0f6f78' },
];

const FALLBACK: (typeof KINDS)[number] = {
  kind: 'SUBJECT',
  label: 'Node',
  plural: 'Nodes',
  colour: '#4a5360',
};

export function kindInfo(kind: NodeKind): (typeof KINDS)[number] {
  return KINDS.find((k) => k.kind === kind) ?? FALLBACK;
}
