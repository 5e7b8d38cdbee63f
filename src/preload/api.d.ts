import type { KeydeskApi } from '../shared/api';

declare global {
  interface Window {
    api: KeydeskApi;
  }
}
