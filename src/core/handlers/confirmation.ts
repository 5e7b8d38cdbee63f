import { KeydeskError } from '../../shared/errors';
import type { CallContext, Confirmation } from './handler-types';

/**
 * Goes on only after the caller's own confirmation said yes. A caller that cannot ask anyone gets
 * a refusal, not a silent yes: whoever adds a transport has to decide how it confirms.
 */
export async function requireConfirmation(
  context: CallContext,
  question: Confirmation,
  declined: string,
): Promise<void> {
  if (!context.confirm) {
    throw new KeydeskError(
      'INTERNAL',
      `"${question.action}" needs a confirmation, and this caller has no way to ask for one.`,
    );
  }
  if (!(await context.confirm(question))) throw new KeydeskError('CANCELLED', declined);
}
