import type { Route } from '../route';
import { AccountForm } from './AccountForm';

export function NewAccountView(props: { navigate: (route: Route) => void; changed: () => void }) {
  return (
    <AccountForm
      saved={(account) => {
        props.changed();
        props.navigate({ view: 'account', accountId: account.id });
      }}
    />
  );
}
