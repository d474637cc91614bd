-- 012: people learn of their work (issue 18, items 1 and 2). The outbox of 010 takes the events of
-- the review: a gate opened for someone, a review handed to someone, changes requested, a run
-- approved or rejected. Each is written in the transaction of its change; in that same statement
-- the event is fanned out to `notify` jobs, one per recipient and channel, for the recipients
-- whose settings want it and the channels this deployment has switched on (`notify_channels`,
-- written by the server at start from its configuration). The jobs are sent by the workers with
-- retries; one that runs out of attempts stays `failed` with its error.

alter table events drop constraint events_type_check;
alter table events add constraint events_type_check check (type in (
  'content.approved', 'gate.opened', 'gate.assigned', 'changes.requested', 'run.approved', 'run.rejected'));

-- the channels a deployment sends on; the server writes them at start ("e-mail is off" included)
create table notify_channels (
  channel text primary key check (channel in ('email')),
  enabled boolean not null,
  updated_at timestamptz not null default now()
);

-- what each person wants; without a row: e-mail of their own work, at once, in Russian
create table notification_settings (
  user_id uuid primary key references users (id),
  email text not null default 'immediate' check (email in ('immediate', 'off')),
  lang text not null default 'ru' check (lang in ('ru', 'en')),
  -- the secret of the one-click unsubscribe link in every e-mail
  unsubscribe_token text not null unique default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  updated_at timestamptz not null default now()
);

alter table jobs drop constraint jobs_type_check;
alter table jobs add constraint jobs_type_check check (type in ('run', 'resume', 'deliver', 'notify'));

-- a notification names an event of its run and a person
create or replace function jobs_delivery_guard() returns trigger language plpgsql as $$
begin
  if new.type in ('deliver', 'notify') and not exists (select 1 from events e where e.id = new.payload ->> 'eventId' and e.run_id = new.run_id) then
    raise exception 'a delivery names an event of its run' using errcode = 'check_violation';
  end if;
  if new.type = 'notify' and not exists (select 1 from users u where u.id::text = new.payload ->> 'userId') then
    raise exception 'a notification names its recipient' using errcode = 'check_violation';
  end if;
  return new;
end $$;

create index jobs_notify_idx on jobs ((payload ->> 'eventId')) where type = 'notify';

grant select, insert, update on notify_channels to copydesk_app;
grant select, insert, update on notification_settings to copydesk_app;
