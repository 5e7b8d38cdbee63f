/**
 * Vonage's problem details (RFC 7807 style: `type`, `title`, `detail`, `code`, `instance`,
 * `invalid_parameters`), read from an error answer without trusting its shape.
 */
export interface VonageProblem {
  /** `code` when given, else what follows `#` in `type` (Vonage's fixtures leave `code` out). */
  code?: string;
  /** title; detail; name: reason …, at most 300 characters, for a message. */
  reason: string;
  /** Each invalid parameter's name, for a field beside the message. */
  parameters: string[];
}

export function readProblem(body: string): VonageProblem {
  let problem: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(body);
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { reason: '', parameters: [] };
    problem = value as Record<string, unknown>;
  } catch {
    return { reason: '', parameters: [] };
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const fromType = text(problem.type)?.split('#')[1];
  const code = text(problem.code) ?? (fromType || undefined);
  const parts = [text(problem.title), text(problem.detail)].filter((p) => p !== undefined);
  const parameters: string[] = [];
  const invalid = Array.isArray(problem.invalid_parameters) ? problem.invalid_parameters : [];
  for (const parameter of invalid.slice(0, 10) as { name?: unknown; reason?: unknown }[]) {
    parts.push(`${String(parameter?.name)}: ${String(parameter?.reason)}`);
    if (typeof parameter?.name === 'string') parameters.push(parameter.name);
  }
  return {
    ...(code ? { code: code.slice(0, 100) } : {}),
    reason: parts.join('; ').slice(0, 300),
    parameters,
  };
}

/** A refusal in brief for a message: "403 add-excess-secret: Secret Addition Forbidden; …". */
export function refusalSummary(status: number, problem: VonageProblem): string {
  return `${status}${problem.code ? ` ${problem.code}` : ''}${problem.reason ? `: ${problem.reason}` : ''}`;
}
