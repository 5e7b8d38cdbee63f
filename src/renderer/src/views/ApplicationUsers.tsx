import { useMemo, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { VonageUser } from '../../../shared/user-schemas';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';
import { useAction } from '../components/useAction';
import { useCopy } from '../components/useCopy';
import { useToast } from '../components/toasts';
import { AskOnRequest } from '../components/AskOnRequest';

type Application = ChannelOutput<'apps:get'>;

/** Users shown at once; the rest are a page away. */
const pageSize = 25;

const regionOf = (user: VonageUser) =>
  user.region ? `${user.region} (${user.host ?? ''})` : (user.host ?? '—');

/**
 * The application's Client SDK users on Vonage: asked for when the person opens the section (it
 * is a request to Vonage with the application's key), searchable and paged, with Add, Remove
 * (confirmed by main's own dialog) and a user's token copied by main.
 */
export function ApplicationUsers({ app }: { app: Application }) {
  return (
    <section className="users" aria-labelledby="users-heading" data-testid="users">
      <h2 id="users-heading">Users on Vonage</h2>
      <p className="muted">
        Client SDK users of this application. A user&apos;s token carries their name as{' '}
        <code>sub</code>; a name Vonage does not have is the first reason a login fails.
      </p>
      <AskOnRequest
        channel="users:list"
        input={{ app: app.id }}
        ask="Show users"
        waiting="Asking Vonage for the users…"
      >
        {(answer, refreshing) => (
          <UserList app={app} users={answer.users} refreshing={refreshing} />
        )}
      </AskOnRequest>
    </section>
  );
}

/** Searched and paged in the window: Vonage's list is read whole, every page followed. */
function UserList(props: { app: Application; users: VonageUser[]; refreshing: boolean }) {
  const { app, users } = props;
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [adding, setAdding] = useState(false);

  const matches = useMemo(() => {
    const words = query.trim().toLowerCase();
    if (!words) return users;
    return users.filter((u) =>
      [u.name, u.displayName ?? '', u.id].some((text) => text.toLowerCase().includes(words)),
    );
  }, [users, query]);
  const pages = Math.max(1, Math.ceil(matches.length / pageSize));
  const shownPage = Math.min(page, pages - 1);
  const shown = matches.slice(shownPage * pageSize, (shownPage + 1) * pageSize);

  return (
    <>
      <div className="users__toolbar">
        <Field id="user-search" label="Search users">
          <input
            id="user-search"
            type="search"
            value={query}
            placeholder="Name, display name or USR- id"
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
          />
        </Field>
        <p className="muted" role="status">
          {query.trim()
            ? `${matches.length} of ${users.length} users match`
            : `${users.length} user${users.length === 1 ? '' : 's'}`}
          {props.refreshing ? ' · refreshing…' : ''}
        </p>
      </div>
      {shown.length ? (
        <table className="table users__table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Display name</th>
              <th scope="col">Region</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <UserRow key={user.id} app={app} user={user} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">
          {users.length ? 'No user matches.' : 'No users yet: add the first one below.'}
        </p>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages of users">
          <button
            type="button"
            className="button button--small"
            disabled={shownPage === 0}
            onClick={() => setPage(shownPage - 1)}
          >
            Previous
          </button>
          <span>
            Page {shownPage + 1} of {pages}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={shownPage >= pages - 1}
            onClick={() => setPage(shownPage + 1)}
          >
            Next
          </button>
        </nav>
      ) : null}
      {adding ? (
        <AddUserForm app={app} done={() => setAdding(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add user
          </button>
        </div>
      )}
    </>
  );
}

function UserRow({ app, user }: { app: Application; user: VonageUser }) {
  const copy = useCopy();
  const toast = useToast();
  const removal = useAction('users:remove');

  /** Main asks in its own dialog, naming the user and the application. */
  async function remove() {
    const removed = await removal.run({ app: app.id, user: user.id });
    if (removed) toast(`Removed user "${removed.user.name}" from "${app.name}".`);
  }

  return (
    <tr>
      <th scope="row">
        {user.name}
        <br />
        <code className="muted">{user.id}</code>
      </th>
      <td>{user.displayName ?? ''}</td>
      <td>{regionOf(user)}</td>
      <td className="users__actions">
        <button
          type="button"
          className="button button--primary button--small"
          aria-label={`Copy JWT for ${user.name}`}
          onClick={() =>
            void copy({
              what: 'jwt',
              format: 'raw',
              mint: {
                applicationId: app.id,
                sub: user.name,
                acl: { kind: 'preset', preset: 'client-sdk' },
              },
            })
          }
        >
          Copy JWT
        </button>
        <button
          type="button"
          className="button button--danger button--small"
          aria-label={`Remove ${user.name}`}
          disabled={removal.pending}
          onClick={() => void remove()}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}

function AddUserForm({ app, done }: { app: Application; done: () => void }) {
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const add = useAction('users:add', { form: true });
  const toast = useToast();
  const errors = add.fieldErrors;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const added = await add.run({
      app: app.id,
      name,
      ...(displayName.trim() ? { displayName } : {}),
    });
    if (!added) return;
    toast(`Added "${added.user.name}" to "${app.name}" on Vonage.`);
    done();
  }

  return (
    <form
      className="subform form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Add user"
    >
      <h3>Add a user on Vonage</h3>
      <Field id="user-name" label="Name" error={errors.name} hint="The sub of their tokens: alice">
        <input
          id="user-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          // The form opens because the person asked for it.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      </Field>
      <Field id="user-display-name" label="Display name (optional)" error={errors.displayName}>
        <input
          id="user-display-name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </Field>
      <FormFooter
        error={errors._form ?? errors.app}
        submitLabel={add.pending ? 'Adding…' : 'Add user'}
        onCancel={done}
      />
    </form>
  );
}
