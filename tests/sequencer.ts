import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that wait longest (restarts, paced sending, fault injection) run first, then the
 * other emulator and browser files, then the quick tiers, which fill the gaps at the end. On a
 * fresh clone vitest has no durations to go by and would start the largest files first, leaving
 * a four-minute file to run alone at the end (CI on 2 cores runs two files at a time).
 */
const LONGEST_FIRST = [
  'tests/integration/restart-recovery.test.ts',
  'tests/integration/outbox.test.ts',
  'tests/integration/mail-faults.test.ts',
  'tests/integration/npm-start.test.ts',
];
const TIERS = ['tests/integration/', 'tests/browser/', 'tests/infra/', 'tests/unit/'];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const path = file.moduleId.replace(/\\/g, '/');
      const longest = LONGEST_FIRST.findIndex((name) => path.endsWith(name));
      if (longest >= 0) return longest;
      const tier = TIERS.findIndex((prefix) => path.includes(`/${prefix}`));
      return LONGEST_FIRST.length + (tier >= 0 ? tier : TIERS.length);
    };
    // Array.prototype.sort is stable: within a rank, vitest's own order (cached durations) stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
