import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of `.dependency-cruiser.cjs` (run by `npm run lint`): the code keeps them, and
 * each rule fails on a deliberate violation (tests/fixtures/import-rules breaks each once).
 */
const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
  forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'];
  options: ICruiseOptions;
};

async function violations(baseDir: string, folders: string[]) {
  const result: IReporterOutput = await cruise(folders, {
    ...config.options,
    baseDir,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    tsConfig: { fileName: path.join(root, 'tsconfig.json') },
  });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('import rules', () => {
  it('hold in the code', async () => {
    expect(await violations(root, ['shared', 'functions', 'infra'])).toEqual([]);
  }, 60_000);

  it('catch each deliberate violation', async () => {
    const found = await violations(path.join(root, 'tests/fixtures/import-rules'), ['shared', 'functions']);
    expect(found).toEqual(
      expect.arrayContaining([
        'platform-imports-no-capability: shared/platform/ui/widget.ts → shared/meetings/store.ts',
        'capability-through-its-public-face: shared/meetings/rules.ts → shared/mail/store.ts',
        'pure-rules-do-no-io: shared/meetings/rules.ts → shared/mail/store.ts',
        expect.stringMatching(
          /^pure-rules-do-no-io: shared\/meetings\/pages\/page\.ts → .*@aws-sdk\/client-dynamodb/,
        ),
        expect.stringMatching(/^no-circular: shared\/mail\/cycle-[ab]\.ts → shared\/mail\/cycle-[ab]\.ts$/),
        'compositions-are-for-handlers: shared/mail/uses-catalogue.ts → shared/catalogue.ts',
        'handlers-are-entry-points: shared/mail/calls-handler.ts → functions/meetings/handler.ts',
        'handlers-import-no-runtime: functions/meetings/handler.ts → infra/local/runtime.ts',
      ]),
    );
  }, 60_000);
});
