import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

// The conversation chart as Mermaid state diagrams, generated from the machines
// themselves, so the picture in the README cannot drift from the code: one diagram for
// the root (which errand is under way, and what takes the resident from one to the
// next), one for the substates every errand shares, and one per flow machine.

const EVENT_LABELS: Record<string, string> = {
  'user.chose': 'choice',
  'user.confirmed': 'yes',
  'user.declined': 'no',
  'user.said': 'said',
  'user.text': 'text',
  'user.number': 'number',
  'user.back': 'back',
  'user.change': 'change answer',
  'user.*': 'any answer',
  'intent.switch': 'another errand',
  'safety.emergency': 'emergency',
};

function eventLabel(eventType: string): string {
  if (eventType.startsWith('xstate.done.actor')) return 'done';
  if (eventType.startsWith('xstate.error.actor')) return 'failed';
  if (eventType.startsWith('command.')) return eventType.slice('command.'.length);
  return EVENT_LABELS[eventType] ?? eventType;
}

function guardLabel(t: AnyTransitionDefinition): string | undefined {
  if (t.description) return t.description;
  const guard = t.guard as unknown;
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return undefined;
}

const id = (node: AnyStateNode, within: AnyStateNode) => node.path.slice(within.path.length).join('_') || 'root';

function label(eventType: string | undefined, t: AnyTransitionDefinition): string {
  const guard = guardLabel(t);
  const event = eventType === undefined ? '' : eventLabel(eventType);
  return [event, guard ? `[${guard}]` : ''].filter(Boolean).join(' ');
}

/** Transitions of the direct children of `parent`, between those children (or to outside, by name). */
function edges(parent: AnyStateNode, skip: (eventType: string) => boolean = () => false): string[] {
  const lines = new Set<string>();
  const children = Object.values(parent.states) as AnyStateNode[];
  const inside = (n: AnyStateNode) =>
    n.path.length > parent.path.length && n.path.slice(0, parent.path.length).join('.') === parent.path.join('.');
  /** A state outside this diagram, by its name in the chart. */
  const outside = (n: AnyStateNode) => `${n.path.join('_')}_outside`;
  const targetOf = (n: AnyStateNode) => {
    // A target deeper down is drawn at the child of `parent` that holds it.
    const child = children.find((c) => n.path.slice(0, c.path.length).join('.') === c.path.join('.'));
    return child ? id(child, parent) : n.path.join('_');
  };
  for (const child of children) {
    for (const [eventType, list] of child.transitions) {
      if (skip(eventType)) continue;
      for (const t of list) {
        for (const target of t.target ?? []) {
          // A move into the state's own substates is drawn in the diagram of those substates.
          if (target !== child && target.path.slice(0, child.path.length).join('.') === child.path.join('.')) continue;
          const to = inside(target) ? targetOf(target) : outside(target);
          lines.add(`  ${id(child, parent)} --> ${to}: ${label(eventType, t)}`);
        }
      }
    }
    for (const t of child.always ?? []) {
      for (const target of t.target ?? []) {
        const to = inside(target) ? targetOf(target) : outside(target);
        lines.add(`  ${id(child, parent)} --> ${to}: ${label(undefined, t) || 'then'}`);
      }
    }
  }
  // The parent's own transitions into its substates apply whichever substate is active.
  for (const [eventType, list] of parent.transitions) {
    if (skip(eventType)) continue;
    for (const t of list) {
      for (const target of t.target ?? []) {
        if (inside(target) && parent !== parent.machine.root)
          lines.add(`  anywhere --> ${targetOf(target)}: ${label(eventType, t)}`);
      }
    }
  }
  const anywhere = [...lines].some((l) => l.startsWith('  anywhere')) ? ['  state "in any substate" as anywhere'] : [];
  const outsiders = [...lines].flatMap((l) => /--> (\S+_outside):/.exec(l)?.[1] ?? []);
  const named = [...new Set(outsiders)].map(
    (o) => `  state "${o.replace(/_outside$/, '').replace(/_/g, '.')} (chart)" as ${o}`,
  );
  return [...anywhere, ...named, ...lines];
}

function describe(parent: AnyStateNode): string[] {
  const lines: string[] = [];
  for (const child of Object.values(parent.states) as AnyStateNode[]) {
    const notes = [
      ...child.invoke.map((i) => `invokes ${typeof i.src === 'string' ? i.src : 'a machine'}`),
      ...(child.tags.includes('awaitingUser') ? ['waits for the resident'] : []),
    ];
    lines.push(`  state "${child.key}${notes.length ? ` (${notes.join(', ')})` : ''}" as ${id(child, parent)}`);
    if (child.type === 'final') lines.push(`  ${id(child, parent)} --> [*]`);
  }
  const initial = parent.initial.target[0];
  if (initial) lines.unshift(`  [*] --> ${id(initial, parent)}`);
  return lines;
}

export function diagram(title: string, parent: AnyStateNode, skip?: (eventType: string) => boolean): string {
  return [
    `### ${title}`,
    '',
    '```mermaid',
    'stateDiagram-v2',
    ...describe(parent),
    ...edges(parent, skip),
    '```',
    '',
  ].join('\n');
}

/** The whole document: root, shared substates of an errand, and each flow. */
export function chartDocument(
  root: AnyStateMachine,
  flows: Record<string, AnyStateMachine>,
  sharedFrom: string,
): string {
  const shared = root.root.states[sharedFrom] as AnyStateNode;
  const rootOnly = (eventType: string) => eventType.startsWith('user.') || eventType.startsWith('flow.');
  const commands =
    (Object.values(root.root.states) as AnyStateNode[]).length > 0
      ? [...root.root.transitions.keys()].filter((e) => e.startsWith('command.')).map(eventLabel)
      : [];
  return [
    '# The conversation chart',
    '',
    'Generated by `npm run chart` from the machines in `machines/`; do not edit by hand.',
    '',
    `Anywhere in the conversation, ${commands.map((c) => `"${c}"`).join(', ')} lead back to the menu (help answers and asks the same question again).`,
    '',
    diagram('The conversation (root)', root.root, rootOnly),
    diagram(`Inside every errand (here ${sharedFrom})`, shared),
    ...Object.entries(flows).map(([name, machine]) => diagram(`Flow: ${name}`, machine.root)),
  ].join('\n');
}
