/** Reads a required environment variable; fails loudly at first use rather than sending `undefined`. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}
