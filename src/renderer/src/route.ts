/** Where the main pane is: a tiny in-memory router (the app has one window and no URLs to share). */
export type Route =
  | { view: 'welcome' }
  | { view: 'new-account' }
  | { view: 'account'; accountId: string }
  | { view: 'application'; applicationId: string; accountId: string }
  | { view: 'sync'; accountId: string }
  | { view: 'check-all' }
  | { view: 'decode' }
  | { view: 'webhooks' }
  | { view: 'import' }
  | { view: 'history' }
  | { view: 'team' }
  | { view: 'settings' };
