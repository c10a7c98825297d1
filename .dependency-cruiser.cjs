/**
 * The import rules that hold Samverkan's shape (docs/architecture.md), checked by `npm run lint`.
 * shared/<capability>/ owns one capability; shared/platform/ is what every capability stands on.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not depend on each other in a circle (types excepted: they vanish at build).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-imports-no-capability',
      severity: 'error',
      comment: 'shared/platform is what every capability stands on; it knows none of them.',
      from: { path: '^shared/platform/' },
      to: { path: '^shared/', pathNot: '^shared/platform/' },
    },
    {
      name: 'capability-through-its-public-face',
      severity: 'error',
      comment: 'A capability reaches another only through that one’s index.ts.',
      from: { path: '^shared/([^/]+)/', pathNot: '^shared/platform/' },
      to: {
        path: '^shared/[^/]+/',
        pathNot: ['^shared/$1/', '^shared/platform/', '^shared/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'compositions-are-for-handlers',
      severity: 'error',
      comment:
        'shared/catalogue.ts and shared/message-kinds.ts assemble every capability: handlers, infra and tests use them, capabilities do not.',
      from: { path: '^shared/[^/]+/' },
      to: { path: '^shared/[^/]+\\.tsx?$' },
    },
    {
      name: 'pure-rules-do-no-io',
      severity: 'error',
      comment:
        'A capability’s rules, pages, mails, texts and events are pure: only its store/ and actions/ (and the platform’s adapters) talk to AWS or HTTP.',
      from: {
        path: '^shared/(?!platform/)[^/]+/',
        pathNot: ['^shared/[^/]+/store(\\.ts$|/)', '^shared/[^/]+/actions/', '^shared/[^/]+/index\\.ts$'],
      },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '@aws-sdk/',
          '^node:(http|https|net)$',
          '^shared/[^/]+/store(\\.ts$|/)',
          '^shared/[^/]+/actions/',
          '^shared/platform/(aws|table|schedules|tenants)/',
          '^shared/platform/bus/outbox\\.ts$',
          '^shared/platform/http/(html-pages|json-api|middlewares)\\.ts$',
        ],
      },
    },
    {
      name: 'handlers-import-no-runtime',
      severity: 'error',
      comment:
        'Handlers and capabilities cannot tell the runtimes apart: nothing under infra/ (types excepted).',
      from: { path: '^(functions|shared)/' },
      to: { path: '^infra/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'handlers-are-entry-points',
      severity: 'error',
      comment: 'Shared code never imports a handler; what two handlers share belongs in shared/.',
      from: { path: '^shared/' },
      to: { path: '^functions/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|cdk\\.out|\\.local)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
