// What every errand's state in the chart has in common: its substates (running, asking
// whether to switch errand, halted by emergency advice and asking whether to go on),
// and its answers to help, a change of errand and an emergency. The actions and guards
// named here are defined in the chart's setup().

/** A flow's own substates: running, asking whether to switch errand, halted by emergency advice. */
export const flowSubstates = {
  initial: 'running',
  states: {
    running: { on: { 'user.*': { actions: 'forward' } } },
    askingSwitch: {
      tags: 'chartAsks',
      entry: 'askSwitch' as const,
      on: {
        'user.confirmed': { target: '#conversation.routing', actions: ['sayForSelf', 'takeSwitch'] },
        'user.declined': { target: 'running', actions: ['forgetSwitch', 'repeat'] },
      },
    },
    // After emergency advice the flow waits: whatever comes next, the resident is asked first.
    halted: { tags: 'chartAsks', on: { 'user.*': { target: 'askingResume' } } },
    askingResume: {
      tags: 'chartAsks',
      entry: 'askResume',
      on: {
        'user.confirmed': { target: 'running', actions: 'repeat' },
        'user.declined': { target: '#conversation.menu', actions: ['sayAborted', 'leadPlain'] },
        'user.*': { target: 'askingResume', reenter: true },
      },
    },
  },
} as const;

/** What every flow does with help, a change of errand and an emergency. */
export const flowEvents = (help: string) => ({
  'command.help': { actions: [{ type: 'sayHelp' as const, params: { key: help } }, 'repeat' as const] },
  'intent.switch': [
    { guard: 'asksFirst' as const, target: '.askingSwitch', actions: 'keepSwitch' as const },
    { target: '#conversation.routing', actions: ['sayForSelf' as const, 'takeRequest' as const] },
  ],
  'safety.emergency': { target: '.halted', actions: 'sayAdvice' as const },
});
