// The import rules of the README's architecture table, checked on every `npm test`.
// Rooms: bot, dialogs, machines, booking, scheduling, content, tools (and test).

const room = (name) => `^${name}/`;
const only = (from, allowed, comment) => ({
  name: `${from}-imports`,
  comment,
  severity: 'error',
  from: { path: room(from) },
  to: { path: '^(bot|dialogs|machines|booking|scheduling|content|tools|test)/', pathNot: allowed.map(room) },
});

module.exports = {
  forbidden: [
    only('dialogs', ['dialogs', 'machines', 'booking', 'content'], 'dialogs may use machines, booking and content'),
    only(
      'machines',
      ['machines', 'booking', 'content'],
      'machines may use booking (types, pure functions) and content (types, questionnaire rules)',
    ),
    only('scheduling', ['scheduling', 'booking'], 'scheduling implements the booking port and uses nothing else'),
    only('content', ['content', 'booking'], 'content may use booking (konfiguration types)'),
    only('booking', ['booking'], 'booking is the domain: it uses no other room'),
    only(
      'bot',
      ['bot', 'dialogs', 'machines', 'booking', 'scheduling', 'content'],
      'bot is production: it uses no tools and no tests',
    ),
    {
      name: 'booking-dependencies',
      comment: 'booking depends on luxon and zod only',
      severity: 'error',
      from: { path: room('booking') },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(luxon|zod)/',
      },
    },
    {
      name: 'bot-framework-in-bot-only',
      comment:
        "botbuilder and restify stay in bot/ (and the testers' tools that speak the protocol), so a move to another SDK touches one room",
      severity: 'error',
      from: { path: '^(dialogs|machines|booking|scheduling|content)/' },
      to: { path: 'node_modules/(botbuilder|botbuilder-[^/]+|botframework-[^/]+|restify)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
