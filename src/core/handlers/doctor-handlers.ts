import type { Services } from '../services';
import type { HandlersOf } from './handler-types';

/** The vault against the keychain; a repair is audited. */
export function doctorHandlers(services: Services): HandlersOf<'doctor:run'> {
  const { audit } = services;
  return {
    'doctor:run': async ({ fix }) => {
      const report = await services.doctor(fix);
      if (report.repairs.length) {
        audit.record({
          action: 'update',
          summary: `Doctor repaired the vault: ${report.repairs.join(' ')}`,
        });
      }
      return report;
    },
  };
}
