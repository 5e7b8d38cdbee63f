import { CheckFailure } from '../vonage/vonage-request';

/** What Vonage could not answer (a timeout, 429, a garbage body) as the contract's error. */
export async function askedVonage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof CheckFailure ? error.toKeydeskError() : error;
  }
}
