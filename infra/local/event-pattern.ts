/**
 * EventBridge event-pattern matching for the local event bus.
 *
 * Semantics follow the EventBridge user guide ("Event patterns", "Content filtering in Amazon
 * EventBridge event patterns") and, where the guide is silent, aws/event-ruler, the open-source
 * engine behind EventBridge. Validation messages reuse event-ruler's wording so that a pattern
 * rejected here reads like the error `PutRule` would return.
 *
 * Model: EventBridge flattens an event into leaf values (strings, numbers, booleans, null) keyed
 * by their path; arrays are "crushed out", so a field holding an array has one leaf value per
 * element. A pattern leaf array matches if any of its conditions matches any leaf value at that
 * path. Objects are never leaf values: a field holding an object has no value of its own, so
 * `exists: true` and every value condition fail on it while `exists: false` matches it.
 */

export type EventPattern = Record<string, unknown>;

const OR_KEY = '$or';

/** Field names that event-ruler refuses inside a `$or` branch (they read like operators). */
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

type Scalar = string | number | boolean | null;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
  );
}

/** Own properties only: a pattern field named `constructor` must not find `Object.prototype`'s. */
function field(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function flattenArray(values: readonly unknown[]): unknown[] {
  return values.flat(Number.POSITIVE_INFINITY);
}

/* ------------------------------------------------------------------------------------------ */
/* Matching                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * Does `event` match `pattern`? The pattern is assumed to have passed `validatePattern` (the
 * bus validates when a rule is registered); a malformed condition here simply never matches.
 */
export function matchesPattern(pattern: EventPattern, event: Record<string, unknown>): boolean {
  return matchObject(pattern, event);
}

function matchObject(pattern: Record<string, unknown>, obj: Record<string, unknown>): boolean {
  for (const [key, condition] of Object.entries(pattern)) {
    if (key === OR_KEY && Array.isArray(condition)) {
      // `$or` is not a field: the object matches if any branch matches this same object.
      if (!condition.some((branch) => isPlainObject(branch) && matchObject(branch, obj))) return false;
    } else if (Array.isArray(condition)) {
      if (!matchLeaf(condition, leafValues(field(obj, key)))) return false;
    } else if (isPlainObject(condition)) {
      if (!matchNested(condition, field(obj, key))) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * A nested pattern against whatever the event holds there. Arrays of objects match if one
 * element matches the whole sub-pattern: event-ruler's array-consistent matching never combines
 * fields taken from different elements of the same array.
 *
 * When the event holds no object at all (field absent, a scalar, an array of scalars), every
 * nested leaf is absent, so the sub-pattern is tried against `{}`: only `exists: false`-style
 * conditions can then match, as they do in EventBridge's flattened model.
 */
function matchNested(pattern: Record<string, unknown>, value: unknown): boolean {
  if (isPlainObject(value)) return matchObject(pattern, value);
  if (Array.isArray(value)) {
    const objects = flattenArray(value).filter(isPlainObject);
    if (objects.length > 0) return objects.some((element) => matchObject(pattern, element));
  }
  return matchObject(pattern, {});
}

/** The leaf values EventBridge sees at a path; empty means "absent" for `exists`. */
function leafValues(value: unknown): Scalar[] {
  if (value === undefined || isPlainObject(value)) return [];
  if (Array.isArray(value)) return flattenArray(value).filter(isScalar);
  return isScalar(value) ? [value] : [];
}

function matchLeaf(conditions: readonly unknown[], values: readonly Scalar[]): boolean {
  return conditions.some((condition) => {
    if (isScalar(condition)) return values.some((value) => exactEquals(condition, value));
    if (!isPlainObject(condition)) return false;
    if (Object.hasOwn(condition, 'exists')) {
      // `exists` looks at the field as a whole, not at each value.
      return condition.exists === true
        ? values.length > 0
        : condition.exists === false && values.length === 0;
    }
    return values.some((value) => matchOperator(condition, value));
  });
}

/**
 * Same JSON type and same value. Numbers compare numerically (300 matches 300.0, which JSON.parse
 * cannot tell apart anyway); the string "300" never matches the number 300.
 */
function exactEquals(expected: Scalar, value: Scalar): boolean {
  return typeof expected === typeof value && expected === value;
}

function matchOperator(condition: Record<string, unknown>, value: Scalar): boolean {
  const [operator, operand] = Object.entries(condition)[0] ?? [];
  switch (operator) {
    case 'prefix':
      return typeof value === 'string' && matchAffix('prefix', operand, value);
    case 'suffix':
      return typeof value === 'string' && matchAffix('suffix', operand, value);
    case 'equals-ignore-case':
      return typeof value === 'string' && typeof operand === 'string' && equalsIgnoreCase(operand, value);
    case 'wildcard':
      return typeof value === 'string' && typeof operand === 'string' && matchWildcard(operand, value);
    case 'numeric':
      return typeof value === 'number' && Array.isArray(operand) && matchNumeric(operand, value);
    case 'cidr':
      return typeof value === 'string' && typeof operand === 'string' && matchCidr(operand, value);
    case 'anything-but':
      return matchAnythingBut(operand, value);
    default:
      return false;
  }
}

/** `{ prefix: 'x' }` or `{ prefix: { 'equals-ignore-case': 'x' } }`, likewise for suffix. */
function matchAffix(kind: 'prefix' | 'suffix', operand: unknown, value: string): boolean {
  if (typeof operand === 'string') {
    return kind === 'prefix' ? value.startsWith(operand) : value.endsWith(operand);
  }
  if (isPlainObject(operand) && typeof operand['equals-ignore-case'] === 'string') {
    const affix = foldCase(operand['equals-ignore-case']);
    const folded = foldCase(value);
    return kind === 'prefix' ? folded.startsWith(affix) : folded.endsWith(affix);
  }
  return false;
}

function foldCase(text: string): string {
  return text.toLowerCase();
}

function equalsIgnoreCase(expected: string, value: string): boolean {
  return foldCase(expected) === foldCase(value);
}

/** The string operators anything-but can negate; a Map so `constructor` is not an operator. */
const STRING_EXCLUSIONS = new Map<string, (operand: string, value: string) => boolean>([
  ['prefix', (prefix, value) => value.startsWith(prefix)],
  ['suffix', (suffix, value) => value.endsWith(suffix)],
  ['equals-ignore-case', equalsIgnoreCase],
  ['wildcard', matchWildcard],
]);

/**
 * anything-but matches a value that is present and not excluded. Exclusions are typed: a
 * string list never excludes a number and vice versa, and the nested string operators
 * (prefix, suffix, equals-ignore-case, wildcard) only ever exclude strings, so a number, a
 * boolean or null passes them all, as in event-ruler.
 */
function matchAnythingBut(operand: unknown, value: Scalar): boolean {
  if (isPlainObject(operand)) {
    const [operator, inner] = Object.entries(operand)[0] ?? [];
    const excludes = STRING_EXCLUSIONS.get(operator ?? '');
    if (!excludes) return false;
    if (typeof value !== 'string') return true;
    const list: unknown[] = Array.isArray(inner) ? inner : [inner];
    return !list.some((item) => typeof item === 'string' && excludes(item, value));
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  return !excluded.some((item) => isScalar(item) && exactEquals(item, value));
}

/* --- wildcard ----------------------------------------------------------------------------- */

/**
 * Splits a wildcard pattern into the literal runs between its unescaped `*`s. `\*` is a literal
 * star and `\\` a literal backslash; any other escape, a trailing backslash or `**` is an error.
 */
function parseWildcard(pattern: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') throw new Error(`Consecutive wildcard characters at pos ${i}`);
      segments.push(current);
      current = '';
    } else if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') throw new Error(`Invalid escape character at pos ${i}`);
      current += next;
      i++;
    } else {
      current += char;
    }
  }
  segments.push(current);
  return segments;
}

const wildcardCache = new Map<string, string[] | null>();

function wildcardSegments(pattern: string): string[] | null {
  let segments = wildcardCache.get(pattern);
  if (segments === undefined) {
    try {
      segments = parseWildcard(pattern);
    } catch {
      segments = null;
    }
    // The patterns come from a bounded set of registered rules, but stay defensive.
    if (wildcardCache.size > 10_000) wildcardCache.clear();
    wildcardCache.set(pattern, segments);
  }
  return segments;
}

/**
 * Glob match without regular expressions (so no backtracking blow-up): the first run must be a
 * prefix, the last a suffix, and the runs in between must appear in order; taking each middle
 * run at its leftmost position is enough when `*` is the only metacharacter.
 */
function matchWildcard(pattern: string, value: string): boolean {
  const segments = wildcardSegments(pattern);
  if (!segments) return false;
  const first = segments[0] ?? '';
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1] ?? '';
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let position = first.length;
  const end = value.length - last.length;
  for (const segment of segments.slice(1, -1)) {
    const index = value.indexOf(segment, position);
    if (index === -1 || index + segment.length > end) return false;
    position = index + segment.length;
  }
  return true;
}

/* --- numeric ------------------------------------------------------------------------------ */

function compare(operator: unknown, value: number, bound: unknown): boolean {
  if (typeof bound !== 'number') return false;
  switch (operator) {
    case '=':
      return value === bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    default:
      return false;
  }
}

/** `[op, n]` or `[op, n, op, n]`: every comparison must hold. */
function matchNumeric(operand: readonly unknown[], value: number): boolean {
  if (operand.length !== 2 && operand.length !== 4) return false;
  for (let i = 0; i < operand.length; i += 2) {
    if (!compare(operand[i], value, operand[i + 1])) return false;
  }
  return true;
}

/* --- cidr --------------------------------------------------------------------------------- */

interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

const IPV4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

function parseIp(text: string): IpAddress | null {
  const v4 = IPV4.exec(text);
  if (v4) {
    let value = 0n;
    for (const part of v4.slice(1)) {
      const octet = Number(part);
      if (octet > 255) return null;
      value = (value << 8n) | BigInt(octet);
    }
    return { version: 4, value };
  }
  // Hex-and-colon forms only (with `::` compression), as event-ruler's IPv6 recogniser; no
  // embedded dotted quad.
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined): string[] | null => {
    if (!part) return [];
    const split = part.split(':');
    return split.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group)) ? split : null;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  let value = 0n;
  for (const group of all) value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return { version: 6, value };
}

interface CidrRange {
  version: 4 | 6;
  low: bigint;
  high: bigint;
}

/** Parses `addr/bits`; throws with event-ruler's messages when malformed. */
function parseCidr(cidr: string): CidrRange {
  const parts = cidr.split('/');
  if (parts.length !== 2) throw new Error("Malformed CIDR, one '/' required");
  const [address = '', bitsText = ''] = parts;
  if (!/^\d+$/.test(bitsText)) throw new Error('Malformed CIDR, mask bits must be an integer');
  const bits = Number(bitsText);
  const ip = parseIp(address);
  if (!ip) throw new Error(`Invalid IP address: ${address}`);
  // event-ruler rejects a full-length mask (/32, /128): "mask bits must be < 32".
  const width = ip.version === 4 ? 32 : 128;
  if (bits >= width) throw new Error(`IPv${ip.version} mask bits must be < ${width}`);
  const hostMask = (1n << BigInt(width - bits)) - 1n;
  // Host bits in the written address are ignored: 10.0.0.5/24 covers 10.0.0.0-10.0.0.255.
  return { version: ip.version, low: ip.value & ~hostMask, high: ip.value | hostMask };
}

function matchCidr(cidr: string, value: string): boolean {
  let range: CidrRange;
  try {
    range = parseCidr(cidr);
  } catch {
    return false;
  }
  const ip = parseIp(value);
  return ip !== null && ip.version === range.version && ip.value >= range.low && ip.value <= range.high;
}

/* ------------------------------------------------------------------------------------------ */
/* Validation                                                                                  */
/* ------------------------------------------------------------------------------------------ */

class PatternError extends Error {
  constructor(path: string, message: string) {
    super(path ? `Invalid event pattern at "${path}": ${message}` : `Invalid event pattern: ${message}`);
    this.name = 'PatternError';
  }
}

/**
 * Throws for patterns EventBridge's `PutRule` would reject: non-object patterns, empty objects,
 * leaf values that are not arrays, empty arrays, unknown operators and malformed operands.
 */
export function validatePattern(pattern: EventPattern): void {
  if (!isPlainObject(pattern)) throw new PatternError('', 'Filter is not an object');
  validateObject(pattern, '', false);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function validateObject(pattern: Record<string, unknown>, path: string, insideOr: boolean): void {
  const entries = Object.entries(pattern);
  if (entries.length === 0) throw new PatternError(path, 'Empty objects are not allowed');
  for (const [key, value] of entries) {
    if (key === OR_KEY) {
      validateOr(value, path);
      continue;
    }
    const fieldPath = join(path, key);
    if (insideOr && RESERVED_IN_OR.has(key)) {
      throw new PatternError(
        fieldPath,
        `${key} is Ruler reserved fieldName which cannot be used inside $or.`,
      );
    }
    if (Array.isArray(value)) validateLeaf(value, fieldPath);
    else if (isPlainObject(value)) validateObject(value, fieldPath, insideOr);
    else throw new PatternError(fieldPath, `"${key}" must be an object or an array`);
  }
}

function validateOr(value: unknown, path: string): void {
  const orPath = join(path, OR_KEY);
  if (!Array.isArray(value)) throw new PatternError(orPath, 'It must be an Array followed with $or.');
  for (const branch of value) {
    if (!isPlainObject(branch)) {
      throw new PatternError(orPath, 'Only JSON object is allowed in array of $or relationship.');
    }
    // Branch fields live at the same level as the `$or` itself.
    validateObject(branch, path, true);
  }
  if (value.length < 2)
    throw new PatternError(orPath, 'There must have at least 2 Objects in $or relationship.');
}

function validateLeaf(values: readonly unknown[], path: string): void {
  if (values.length === 0) throw new PatternError(path, 'Empty arrays are not allowed');
  for (const value of values) {
    if (isScalar(value)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new PatternError(path, 'Match value must be String, number, true, false, or null');
      }
    } else if (isPlainObject(value)) {
      validateOperator(value, path);
    } else {
      throw new PatternError(path, 'Match value must be String, number, true, false, or null');
    }
  }
}

function singleEntry(obj: Record<string, unknown>, path: string, missing: string): [string, unknown] {
  const entries = Object.entries(obj);
  const [entry] = entries;
  if (!entry) throw new PatternError(path, missing);
  if (entries.length > 1) throw new PatternError(path, 'Only one key allowed in match expression');
  return entry;
}

function validateOperator(condition: Record<string, unknown>, path: string): void {
  const [operator, operand] = singleEntry(condition, path, 'Match expression name not found');
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (isPlainObject(operand)) {
        const [inner, text] = singleEntry(operand, path, `${capitalise(operator)} expression name not found`);
        if (inner !== 'equals-ignore-case')
          throw new PatternError(path, `Unsupported ${operator} pattern: ${inner}`);
        if (typeof text !== 'string') {
          throw new PatternError(path, 'equals-ignore-case match pattern must be a string');
        }
      } else if (typeof operand !== 'string') {
        throw new PatternError(path, `${operator} match pattern must be a string`);
      }
      return;
    case 'equals-ignore-case':
      if (typeof operand !== 'string')
        throw new PatternError(path, 'equals-ignore-case match pattern must be a string');
      return;
    case 'wildcard':
      if (typeof operand !== 'string')
        throw new PatternError(path, 'wildcard match pattern must be a string');
      validateWildcard(operand, path);
      return;
    case 'exists':
      if (typeof operand !== 'boolean') {
        throw new PatternError(path, 'exists match pattern must be either true or false.');
      }
      return;
    case 'numeric':
      validateNumeric(operand, path);
      return;
    case 'cidr':
      if (typeof operand !== 'string') throw new PatternError(path, 'cidr match pattern must be a string');
      try {
        parseCidr(operand);
      } catch (error) {
        throw new PatternError(path, (error as Error).message);
      }
      return;
    case 'anything-but':
      validateAnythingBut(operand, path);
      return;
    default:
      throw new PatternError(path, `Unrecognized match type ${operator}`);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function validateWildcard(pattern: string, path: string): void {
  try {
    parseWildcard(pattern);
  } catch (error) {
    throw new PatternError(path, (error as Error).message);
  }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Grammar (event-ruler): `=` n | `<` n | `<=` n | `>` n | `>=` n, or a lower bound (`>`/`>=`)
 * followed by an upper bound (`<`/`<=`) strictly above it.
 */
function validateNumeric(operand: unknown, path: string): void {
  if (!Array.isArray(operand)) throw new PatternError(path, 'Value of numeric must be an array.');
  const [operator, bound, upperOperator, upperBound] = operand;
  if (typeof operator !== 'string') {
    throw new PatternError(path, `Invalid member in numeric match: ${JSON.stringify(operator)}`);
  }
  if (!['=', '<', '<=', '>', '>='].includes(operator)) {
    throw new PatternError(path, `Unrecognized numeric range operator: ${operator}`);
  }
  if (!isNumber(bound)) {
    throw new PatternError(path, `Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
  }
  if (operand.length === 2) return;
  if (operator === '=' || operator === '<' || operator === '<=') {
    throw new PatternError(path, 'Too many elements in numeric expression');
  }
  if (typeof upperOperator !== 'string') {
    throw new PatternError(path, `Bad value in numeric range: ${JSON.stringify(upperOperator)}`);
  }
  if (upperOperator !== '<' && upperOperator !== '<=') {
    throw new PatternError(path, `Bad numeric range operator: ${upperOperator}`);
  }
  if (!isNumber(upperBound)) throw new PatternError(path, `Value of ${upperOperator} must be numeric`);
  if (operand.length > 4) throw new PatternError(path, 'Too many terms in numeric range expression');
  if (!(bound < upperBound)) throw new PatternError(path, 'Bottom must be less than top');
}

function validateAnythingBut(operand: unknown, path: string): void {
  if (isPlainObject(operand)) {
    const [operator, inner] = singleEntry(operand, path, 'Anything-But expression name not found');
    if (!['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(operator)) {
      throw new PatternError(path, `Unsupported anything-but pattern: ${operator}`);
    }
    const list = Array.isArray(inner) ? inner : [inner];
    if (!Array.isArray(inner) && typeof inner !== 'string') {
      throw new PatternError(path, 'Value of anything-but must be an array or single string/number value.');
    }
    for (const item of list) {
      if (typeof item !== 'string') {
        throw new PatternError(
          path,
          operator === 'equals-ignore-case'
            ? 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'
            : `${operator === 'wildcard' ? 'wildcard' : 'prefix/suffix'} match pattern must be a string`,
        );
      }
      if ((operator === 'prefix' || operator === 'suffix') && item === '') {
        throw new PatternError(path, 'Null prefix/suffix not allowed');
      }
      if (operator === 'wildcard') validateWildcard(item, path);
    }
    return;
  }
  if (Array.isArray(operand)) {
    if (!operand.every((item) => typeof item === 'string' || isNumber(item))) {
      throw new PatternError(path, 'Inside anything but list, start|null|boolean is not supported.');
    }
    const hasString = operand.some((item) => typeof item === 'string');
    const hasNumber = operand.some((item) => typeof item === 'number');
    if (hasString === hasNumber) {
      throw new PatternError(
        path,
        'Inside anything but list, either all values are number or string, mixed type is not supported',
      );
    }
    return;
  }
  if (typeof operand !== 'string' && !isNumber(operand)) {
    throw new PatternError(path, 'Value of anything-but must be an array or single string/number value.');
  }
}
