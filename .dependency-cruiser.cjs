/**
 * The import rules of ARCHITECTURE.md, checked in `npm test` (`npm run lint:deps`).
 * A request flows one way: slack/<feature>/ → domain/ → (cor/, store/, lib/).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (to a file or an installed package).',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'src-not-to-tests-or-tools',
      severity: 'error',
      comment: 'The bot does not import its tests, fakes or benches.',
      from: { path: '^src/' },
      to: { path: '^(test|tools|bench)/' },
    },
    {
      name: 'domain-not-to-slack',
      severity: 'error',
      comment: 'domain/ knows nothing of Slack: not slack/, not the @slack packages.',
      from: { path: '^src/domain/' },
      to: { path: ['^src/slack/', '(^|/)node_modules/@slack/'] },
    },
    {
      name: 'domain-not-to-prisma',
      severity: 'error',
      comment: 'domain/ sees repositories as ports, never the Prisma client.',
      from: { path: '^src/domain/' },
      to: { path: ['^src/generated/', '(^|/)node_modules/(@prisma|prisma)/'] },
    },
    {
      name: 'slack-not-to-cor',
      severity: 'error',
      comment: 'slack/ reaches COR only through domain/ (COR errors are read with errors.ts).',
      from: { path: '^src/slack/' },
      to: { path: '^src/cor/' },
    },
    {
      name: 'slack-not-to-store',
      severity: 'error',
      comment:
        'slack/ reaches the store only through domain/. The record types the domain hands out (UserLinkRecord, ' +
        'ReminderSettingRecord, ...) are still declared in store/, so type-only imports of them are allowed.',
      from: { path: '^src/slack/' },
      to: { path: ['^src/store/', '^src/generated/', '(^|/)node_modules/(@prisma|prisma)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-and-cor-apart',
      severity: 'error',
      comment: "store/ and cor/ don't import each other: what both need lives in lib/ or domain/.",
      from: { path: '^src/(store|cor)/' },
      to: { path: '^src/(store|cor)/', pathNot: '^src/$1/' },
    },
    {
      name: 'lower-layers-not-up',
      severity: 'error',
      comment: 'cor/, store/ and lib/ are below domain/; nothing below imports domain/, slack/ or scheduler/.',
      from: { path: '^src/(cor|store|lib)/' },
      to: { path: '^src/(domain|slack|scheduler)/' },
    },
    {
      name: 'words-above-the-domain',
      comment: 'The domain returns facts (numbers, dates, codes), never sentences: only slack/ (and errors.ts) speak through i18n/.',
      severity: 'error',
      from: { path: '^src/(domain|cor|store|lib|scheduler)/' },
      to: { path: '^src/i18n/' },
    },
    {
      name: 'i18n-is-words-only',
      comment: 'The catalogs and their formatters use lib/ alone: no Slack, no COR, no store.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(slack|domain|cor|store|scheduler)/' },
    },
    {
      name: 'feature-not-to-feature',
      severity: 'error',
      comment: 'A feature folder of slack/ imports the shared files of slack/ and domain/, never another feature.',
      from: { path: '^src/slack/([^/]+)/' },
      to: { path: '^src/slack/[^/]+/', pathNot: '^src/slack/$1/' },
    },
    {
      name: 'shared-not-to-feature',
      severity: 'error',
      comment: 'The shared files of slack/ serve the features; only app.ts and features.ts (the assembly) import them.',
      from: { path: '^src/slack/[^/]+\\.ts$', pathNot: '^src/slack/(app|features)\\.ts$' },
      to: { path: '^src/slack/[^/]+/' },
    },
  ],
  options: {
    // type-only imports count: they are in cycles and in the layering too (slack-not-to-store says which are allowed)
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules', '^src/generated/'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
