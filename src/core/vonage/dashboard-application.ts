import { KeydeskError } from '../../shared/errors';
import { invisibleMarks } from '../../shared/invisible-marks';
import { applicationIdSchema, applicationNameSchema, limits } from '../../shared/vault-schemas';
import { CheckFailure } from './vonage-request';

/**
 * What the dashboard says of an application, held to the vault's own rules before Keydesk shows
 * or stores it: the answer comes from the network, and a name with terminal escapes or direction
 * marks would otherwise reach the CLI's output and the database as it is.
 */
export interface DashboardApplication {
  /** The dashboard's name with what the name rules refuse taken out; '' when none. */
  name: string;
  /** The name exactly as given, when the rules refused it (only to say so). */
  refusedName?: string;
  capabilities: string[];
  publicKey: string | undefined;
}

/** Capability names as Vonage spells them: voice, messages, rtc, vbc, verify, network_apis. */
const capabilityName = /^[a-z][a-z0-9_]{0,39}$/;
const maxCapabilities = 20;
/** Characters the name rules refuse: controls, direction marks and invisible ones. */
const refusedInNames = new RegExp(`[\\p{Cc}${invisibleMarks}]`, 'gu');

function nameOf(raw: unknown): Pick<DashboardApplication, 'name' | 'refusedName'> {
  if (typeof raw !== 'string') return { name: '' };
  const text = raw.slice(0, limits.name * 4);
  const parsed = applicationNameSchema.safeParse(text);
  if (parsed.success) return { name: parsed.data };
  const cleaned = text.replace(refusedInNames, ' ').replace(/ {2,}/g, ' ').trim();
  return { name: [...cleaned].slice(0, limits.name).join(''), refusedName: text };
}

export function readDashboardApplication(app: Record<string, unknown>): DashboardApplication {
  const keys = app.keys as { public_key?: unknown } | undefined;
  const capabilities =
    typeof app.capabilities === 'object' && app.capabilities !== null
      ? Object.keys(app.capabilities)
          .filter((key) => capabilityName.test(key))
          .slice(0, maxCapabilities)
      : [];
  const publicKey =
    typeof keys?.public_key === 'string' && keys.public_key.length <= limits.pem
      ? keys.public_key
      : undefined;
  return { ...nameOf(app.name), capabilities, publicKey };
}

/** An application id from a dashboard list, or a refusal of the whole answer. */
export function dashboardApplicationId(raw: unknown): string {
  const parsed = applicationIdSchema.safeParse(raw);
  if (!parsed.success) {
    const shown = JSON.stringify(String(raw).slice(0, 60));
    throw new CheckFailure(
      'BAD_RESPONSE',
      `The application list holds an entry whose id (${shown}) is not an application id; Keydesk did not use the answer.`,
    );
  }
  return parsed.data;
}

/**
 * The name an application added from the dashboard is stored under: the one given, else the
 * dashboard's, which must pass the name rules as it is (a look-alike with hidden characters is
 * refused, not quietly cleaned into the name of another application).
 */
export function nameForAdding(given: string | undefined, dashboard: DashboardApplication): string {
  if (given !== undefined) return given;
  if (dashboard.refusedName !== undefined) {
    throw new KeydeskError(
      'VALIDATION',
      `The dashboard's name for this application ("${dashboard.name}", cleaned) breaks Keydesk's name rules (no control, direction or invisible characters; at most ${limits.name} characters); give a name of your own.`,
      'name',
    );
  }
  if (!dashboard.name) {
    throw new KeydeskError(
      'VALIDATION',
      'The dashboard gives this application no name; give one.',
      'name',
    );
  }
  return dashboard.name;
}
