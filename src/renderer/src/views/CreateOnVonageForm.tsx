import { useState, type FormEvent } from 'react';
import { capabilityNames, type CapabilityName } from '../../../shared/presets';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';
import { useAction } from '../components/useAction';
import { useToast } from '../components/toasts';

const capabilityLabels: Record<CapabilityName, string> = {
  rtc: 'Client SDK (rtc)',
  voice: 'Voice',
  messages: 'Messages',
  video: 'Video',
  verify: 'Verify',
};

/**
 * A new application on Vonage for this account: the key pair is made by main, only the public half
 * goes to Vonage, the private half is stored. The guide's first step, without the dashboard.
 */
export function CreateOnVonageForm(props: {
  accountId: string;
  done: (applicationId?: string) => void;
}) {
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<CapabilityName[]>(['rtc']);
  const [answerUrl, setAnswerUrl] = useState('');
  const [eventUrl, setEventUrl] = useState('');
  const create = useAction('vonage:createApplication', { form: true });
  const toast = useToast();
  const errors = create.fieldErrors;
  const wantsEvents = chosen.includes('voice') || chosen.includes('rtc');

  function toggle(capability: CapabilityName, on: boolean) {
    setChosen((list) => (on ? [...list, capability] : list.filter((name) => name !== capability)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await create.run({
      account: props.accountId,
      name,
      capabilities: capabilityNames.filter((c) => chosen.includes(c)),
      ...(chosen.includes('voice') && answerUrl.trim() ? { answerUrl } : {}),
      ...(wantsEvents && eventUrl.trim() ? { eventUrl } : {}),
    });
    if (!created) return;
    toast(created.message);
    props.done(created.application.id);
  }

  return (
    <form
      className="subform form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New application on Vonage"
      aria-busy={create.pending}
    >
      <h3>New application on Vonage</h3>
      <p className="muted">
        Keydesk makes the key pair here and sends Vonage only its public half; the private key is
        stored in Keydesk and never leaves it.
      </p>
      <Field id="vonage-app-name" label="Name" error={errors.name}>
        <input
          id="vonage-app-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          // The form opens because the person asked for it.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      </Field>
      <fieldset
        className="capabilities"
        aria-describedby={errors.capabilities ? 'capabilities-error' : undefined}
      >
        <legend>Capabilities</legend>
        {capabilityNames.map((capability) => (
          <label key={capability} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(capability)}
              onChange={(e) => toggle(capability, e.target.checked)}
            />{' '}
            {capabilityLabels[capability]}
          </label>
        ))}
        {errors.capabilities ? (
          <p className="field__error" id="capabilities-error" role="alert">
            {errors.capabilities}
          </p>
        ) : null}
      </fieldset>
      {chosen.includes('voice') ? (
        <Field
          id="vonage-answer-url"
          label="Answer URL (voice)"
          error={errors.answerUrl}
          hint="Where Vonage asks what to do with a call"
        >
          <input
            id="vonage-answer-url"
            value={answerUrl}
            placeholder="https://example.com/webhooks/answer"
            onChange={(e) => setAnswerUrl(e.target.value)}
          />
        </Field>
      ) : null}
      {wantsEvents ? (
        <Field
          id="vonage-event-url"
          label="Event URL (optional)"
          error={errors.eventUrl}
          hint="Where Vonage sends call and Client SDK events"
        >
          <input
            id="vonage-event-url"
            value={eventUrl}
            placeholder="https://example.com/webhooks/event"
            onChange={(e) => setEventUrl(e.target.value)}
          />
        </Field>
      ) : null}
      {create.pending ? (
        <p role="status" className="muted">
          Making the key pair and creating the application on Vonage…
        </p>
      ) : null}
      <FormFooter
        error={errors._form ?? errors.account}
        submitLabel={create.pending ? 'Creating…' : 'Create on Vonage'}
        onCancel={() => props.done()}
      />
    </form>
  );
}
