import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Budgets,
  budgetFor,
  budgetViolations,
  bundleFunction,
  loadBudgets,
  suggestedBudget,
} from '../../bench/bundle.js';
import { wiring } from '../../infra/wiring.js';

/**
 * Size budgets of the deployed bundles (bench/budgets.json). Sizes are deterministic: the same
 * sources and lock file give the same bytes. When a change legitimately grows a function, raise its
 * budget deliberately (see docs/benchmarks.md); when it shrinks one, lower it to keep the headroom tight.
 */
describe('bundle size budgets', () => {
  let outRoot = '';
  let budgets: Budgets;
  const sizes: Record<string, number> = {};

  beforeAll(async () => {
    budgets = await loadBudgets();
    outRoot = await mkdtemp(path.join(os.tmpdir(), 'samverkan-bundle-budget-'));
    for (const spec of wiring) {
      sizes[spec.name] = (await bundleFunction(spec.entry, path.join(outRoot, spec.name))).bytes;
    }
  }, 120_000);

  afterAll(async () => {
    if (outRoot !== '') await rm(outRoot, { recursive: true, force: true });
  });

  it('has a budget for every wiring function (its own, or the default) and none for unknown ones', () => {
    for (const spec of wiring) {
      expect(budgetFor(budgets, spec.name), spec.name).toBeGreaterThan(0);
    }
    const names = new Set(wiring.map((spec) => spec.name));
    expect(Object.keys(budgets.functions).filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(wiring.map((spec) => [spec.name, spec.entry] as const))('%s (%s) is within its budget', (name) => {
    const bytes = sizes[name];
    const budget = budgetFor(budgets, name);
    expect(bytes, `${name} was not bundled`).toBeTypeOf('number');
    expect(
      bytes,
      `${name}: ${bytes} bytes, budget ${budget} bytes (${((bytes ?? 0) / budget).toFixed(3)}×). ` +
        'Shrink the bundle, or raise the budget in bench/budgets.json on purpose.',
    ).toBeLessThanOrEqual(budget);
  });

  it('reports every function over a budget that is too small (the check can fail)', () => {
    expect(budgetViolations(sizes, budgets)).toEqual([]);
    const tiny: Budgets = { functions: {}, default: 1024 };
    expect(budgetViolations(sizes, tiny).map((violation) => violation.name)).toEqual(
      wiring.map((spec) => spec.name),
    );
    const [first] = wiring;
    if (first === undefined) throw new Error('The wiring is empty');
    const ownTooSmall: Budgets = { functions: { [first.name]: 1 }, default: budgets.default };
    expect(budgetViolations(sizes, ownTooSmall)).toEqual([
      { name: first.name, bytes: sizes[first.name], budget: 1 },
    ]);
  });

  it('falls back to the default budget for functions without their own entry', () => {
    expect(budgetFor({ functions: { a: 10 }, default: 20 }, 'a')).toBe(10);
    expect(budgetFor({ functions: { a: 10 }, default: 20 }, 'b')).toBe(20);
    expect(budgetFor({ functions: {}, default: 20 }, 'constructor')).toBe(20);
  });

  it('suggests 15 % headroom rounded up to 10 KiB', () => {
    expect(suggestedBudget(100 * 1024)).toBe(120 * 1024);
    expect(suggestedBudget(1)).toBe(10 * 1024);
  });
});
