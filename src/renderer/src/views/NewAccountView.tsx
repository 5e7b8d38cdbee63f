import type { Route } from '../route';
import { AccountForm } from './AccountForm';

export function NewAccountView(props: { navigate: (route: Route) => void }) {
  return (
    <AccountForm saved={(account) => props.navigate({ view: 'account', accountId: account.id })} />
  );
}
