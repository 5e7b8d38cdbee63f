import type { Services } from '../services';
import { runChecks } from '../vonage/check-service';
import type { HandlersOf } from './handler-types';

/** Credential checks against Vonage; each result is its own history event (check-service.ts). */
export function checkHandlers(services: Services): HandlersOf<'vonage:check'> {
  return { 'vonage:check': (input) => runChecks(services, input) };
}
