// The detail panel beside the graph: a career's full profile, or for any other node its connections
// grouped by what they mean, each with the reason a student can read.
import { NOT_RATED } from './career-card.ts';
import { CareerDetailDocument, ConnectionsDocument } from '../api/generated/graphql.ts';
import type { CareerDetailQuery, NodeKind, RelationshipType } from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { el, errorBox, statusLine, viewLink } from './dom.ts';
import { kindInfo } from './kinds.ts';
import { startPlan } from './plan-view.ts';

export interface DetailActions {
  openNode(id: string): void;
  openPlan(id: string): void;
  openCareers(subject: string): void;
  present(subject: string): void;
}

const OUTGOING: Record<RelationshipType, string> = {
  LEADS_TO: 'Leads to these fields',
  DEVELOPS: 'Builds these skills',
  APPLIED_IN: 'Used in the real world',
  REQUIRES: 'Skills needed',
  DRAWS_ON: 'Subjects it draws on',
  INCLUDES: 'Careers in this field',
  TEACHES: 'Teaches',
  USED_IN: 'Done by these careers',
  RELATED_TO: 'Related careers',
  PART_OF: 'Part of',
  USES: 'Tools and technology it uses',
};

const INCOMING: Record<RelationshipType, string> = {
  LEADS_TO: 'Subjects that lead here',
  DEVELOPS: 'Subjects that build it',
  APPLIED_IN: 'Draws on',
  REQUIRES: 'Careers that need it',
  DRAWS_ON: 'Careers that draw on it',
  INCLUDES: 'In these fields',
  TEACHES: 'Courses that teach it',
  USED_IN: 'Applications in this career',
  RELATED_TO: 'Related careers',
  PART_OF: 'Fields inside it',
  USES: 'Careers that use it',
};

const percent = (n: number) => `${Math.round(n * 100)}%`;

function reasonItem(
  target: { id: string; name: string; kind?: NodeKind },
  why: string,
  actions: DetailActions,
  extra?: string,
): HTMLLIElement {
  const link = viewLink(`/?node=${encodeURIComponent(target.id)}`, target.name, () =>
    actions.openNode(target.id),
  );
  if (target.kind) link.style.setProperty('--kind-colour', kindInfo(target.kind).colour);
  return el(
    'li',
    {},
    link,
    extra ? el('span', { class: 'meta' }, ` ${extra}`) : null,
    el('p', { class: 'why' }, why),
  );
}

/** A titled list; past `shown` items the rest fold away, so a long list never buries the next one. */
function section(title: string, items: HTMLLIElement[], shown = 8): HTMLElement | null {
  if (items.length === 0) return null;
  const rest = items.slice(shown);
  return el(
    'section',
    {},
    el('h3', {}, `${title} (${items.length})`),
    el('ul', { class: 'reasons' }, ...items.slice(0, shown)),
    rest.length > 0
      ? el(
          'details',
          {},
          el('summary', {}, `Show ${rest.length} more`),
          el('ul', { class: 'reasons' }, ...rest),
        )
      : null,
  );
}

async function renderConnections(
  container: HTMLElement,
  id: string,
  actions: DetailActions,
  current: () => boolean,
): Promise<void> {
  const { neighbourhood } = await request(ConnectionsDocument, { id });
  if (!current()) return;
  const { center } = neighbourhood;
  const byId = new Map(neighbourhood.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, HTMLLIElement[]>();
  // A student reads where a node leads before the details: fields and careers first, courses last.
  const order: RelationshipType[] = [
    'LEADS_TO',
    'PART_OF',
    'INCLUDES',
    'DRAWS_ON',
    'REQUIRES',
    'DEVELOPS',
    'RELATED_TO',
    'USED_IN',
    'APPLIED_IN',
    'USES',
    'TEACHES',
  ];
  const edges = [...neighbourhood.edges].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  for (const edge of edges) {
    const outgoing = edge.from === center.id;
    if (!outgoing && edge.to !== center.id) continue;
    const other = byId.get(outgoing ? edge.to : edge.from);
    if (!other) continue;
    const title = (outgoing ? OUTGOING : INCOMING)[edge.type];
    groups.set(title, [...(groups.get(title) ?? []), reasonItem(other, edge.why, actions)]);
  }
  const header = el(
    'header',
    {},
    el(
      'p',
      { class: 'kind-tag', style: `--kind-colour: ${kindInfo(center.kind).colour}` },
      kindInfo(center.kind).label,
    ),
    el('h2', {}, center.name),
  );
  const buttons =
    center.kind === 'SUBJECT'
      ? el(
          'div',
          { class: 'actions' },
          viewLink(`/?view=careers&subject=${center.id}`, `Careers from ${center.name}`, () =>
            actions.openCareers(center.id),
          ),
          viewLink(`/?view=present&subject=${center.id}`, 'Present its applications', () =>
            actions.present(center.id),
          ),
        )
      : null;
  container.replaceChildren(
    header,
    buttons ?? '',
    ...[...groups].map(([title, items]) => section(title, items) ?? ''),
  );
}

function careerFacts(career: CareerDetailQuery['career']['career']): HTMLElement {
  const facts: [string, string][] = [
    ['Typical route in', career.education ?? NOT_RATED],
    ['Preparation (O*NET job zone)', career.jobZone === null ? NOT_RATED : `${career.jobZone} of 5`],
    ['Interests (Holland code)', career.riasec ?? NOT_RATED],
    ['Outlook', career.outlook ? `${career.outlook.toLowerCase()}: ${career.outlookNote ?? ''}` : NOT_RATED],
    ['O*NET-SOC code', career.onetSoc],
  ];
  const day =
    career.typicalDay.length > 0
      ? [
          el('h4', {}, 'A typical day'),
          el('ul', { class: 'typical-day' }, ...career.typicalDay.map((t) => el('li', {}, t))),
        ]
      : [];
  return el(
    'div',
    {},
    el(
      'dl',
      { class: 'facts' },
      ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
    ),
    ...day,
  );
}

/** Tools shown before the rest fold away: a few dozen software names would bury the next section. */
export const TOOLS_SHOWN = 12;

function toolItem(tool: CareerDetailQuery['career']['tools'][number], actions: DetailActions): HTMLLIElement {
  const link = viewLink(`/?node=${encodeURIComponent(tool.skill.id)}`, tool.skill.name, () =>
    actions.openNode(tool.skill.id),
  );
  link.style.setProperty('--kind-colour', kindInfo('SKILL').colour);
  // Words, not only a colour: each label says what it means.
  const labels = [
    tool.inDemand ? el('span', { class: 'tool-label in-demand' }, 'In demand') : null,
    tool.skill.hotTechnology ? el('span', { class: 'tool-label hot' }, 'Hot technology') : null,
  ];
  return el('li', {}, link, ...labels.flatMap((label) => (label ? [' ', label] : [])));
}

/** "Tools and technology": in demand first, then hot technologies (the order the API gives). */
function careerTools(
  tools: CareerDetailQuery['career']['tools'],
  actions: DetailActions,
): HTMLElement | null {
  if (tools.length === 0) return null;
  const items = tools.map((t) => toolItem(t, actions));
  const rest = items.slice(TOOLS_SHOWN);
  return el(
    'section',
    { class: 'career-tools' },
    el('h3', {}, `Tools and technology (${tools.length})`),
    el(
      'p',
      { class: 'meta' },
      'From O*NET. In demand: job postings for this career often ask for it. Hot technology: employers often ask for it in job postings.',
    ),
    el('ul', { class: 'tools' }, ...items.slice(0, TOOLS_SHOWN)),
    rest.length > 0
      ? el('details', {}, el('summary', {}, `and ${rest.length} more`), el('ul', { class: 'tools' }, ...rest))
      : null,
  );
}

function planButton(career: string, actions: DetailActions): HTMLElement {
  const button = el('button', { type: 'button', class: 'make-plan' }, 'Make an action plan');
  button.addEventListener('click', () => void startPlan(career, [], button, actions.openPlan));
  return el('div', { class: 'actions' }, button);
}

async function renderCareer(
  container: HTMLElement,
  id: string,
  actions: DetailActions,
  current: () => boolean,
): Promise<void> {
  const { career } = await request(CareerDetailDocument, { id });
  if (!current()) return;
  const skills = (kind: string) => career.skills.filter((s) => s.skill.skillKind === kind);
  const skillItems = (list: typeof career.skills) =>
    list.map((s) =>
      reasonItem(
        { ...s.skill, kind: 'SKILL' },
        s.why,
        actions,
        `— ${s.level.toLowerCase()}, importance ${percent(s.importance)}`,
      ),
    );
  container.replaceChildren(
    el(
      'header',
      {},
      el('p', { class: 'kind-tag', style: `--kind-colour: ${kindInfo('CAREER').colour}` }, 'Career'),
      el('h2', {}, career.career.name),
    ),
    el('p', {}, career.career.description),
    planButton(career.career.id, actions),
    careerFacts(career.career),
    careerTools(career.tools, actions) ?? '',
    section('Hard skills', skillItems(skills('HARD'))) ?? '',
    section('Soft skills', skillItems(skills('SOFT'))) ?? '',
    section('Tools', skillItems(skills('TOOL'))) ?? '',
    section(
      'Subjects it draws on',
      career.subjects.map((s) =>
        reasonItem(
          { ...s.subject, kind: 'SUBJECT' },
          s.why,
          actions,
          `— importance ${percent(s.importance)}`,
        ),
      ),
    ) ?? '',
    section(
      'Courses that teach its skills',
      career.courses.map((c) =>
        reasonItem(
          { ...c.course, kind: 'COURSE' },
          c.why,
          actions,
          `— ${c.teaches.name}, ${c.course.provider}, about ${c.course.hours} h`,
        ),
      ),
    ) ?? '',
    section(
      'Real-world applications',
      career.applications.map((a) =>
        reasonItem({ ...a.application, kind: 'APPLICATION' }, a.application.example, actions),
      ),
    ) ?? '',
    section(
      'Related careers',
      career.related.map((r) =>
        reasonItem({ ...r.career, kind: 'CAREER' }, r.why, actions, `— ${percent(r.score)} similar`),
      ),
    ) ?? '',
  );
}

export async function renderDetail(
  container: HTMLElement,
  node: { id: string; kind: NodeKind },
  actions: DetailActions,
  current: () => boolean,
): Promise<void> {
  container.replaceChildren(statusLine('Loading details…'));
  container.setAttribute('aria-busy', 'true');
  try {
    if (node.kind === 'CAREER') await renderCareer(container, node.id, actions, current);
    else await renderConnections(container, node.id, actions, current);
  } catch (error) {
    if (current()) container.replaceChildren(errorBox(error, 'Could not load the details.'));
  } finally {
    if (current()) container.removeAttribute('aria-busy');
  }
}
