-- 016: each person chooses how they learn of their work (issue 18, item 2): e-mail and a Telegram
-- chat of their own, each at once, in a daily digest, or off. What waits for a digest is held in
-- `digest_items`; once a day, at the person's hour, the worker makes one `notify` job of what is
-- held (`digest_sends` makes that once per person, channel and day, however many workers sweep).

alter table notification_settings drop constraint notification_settings_email_check;
alter table notification_settings add constraint notification_settings_email_check check (email in ('immediate', 'digest', 'off'));
alter table notification_settings
  add column telegram text not null default 'off' check (telegram in ('immediate', 'digest', 'off')),
  -- a numeric chat id (a person's chat with the bot), or a public @username
  add column telegram_chat_id text check (telegram_chat_id ~ '^(-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32})$'),
  -- the hour of the day (in the server's COPYDESK_TIMEZONE) at which the digest goes out
  add column digest_hour smallint not null default 9 check (digest_hour between 0 and 23),
  add constraint notification_settings_telegram_chat check (telegram = 'off' or telegram_chat_id is not null);

-- 'telegram_dm': this server has a bot (COPYDESK_TELEGRAM_BOT_TOKEN) that writes to people
alter table notify_channels drop constraint notify_channels_channel_check;
alter table notify_channels add constraint notify_channels_channel_check
  check (channel in ('email', 'events', 'chat', 'telegram', 'telegram_dm'));

create table digest_items (
  id bigserial primary key,
  user_id uuid not null references users (id),
  channel text not null check (channel in ('email', 'telegram')),
  event_id text not null references events (id),
  -- the digest job that carries it; null while it waits for the next digest
  job_id bigint references jobs (id),
  created_at timestamptz not null default now(),
  unique (user_id, channel, event_id)
);
create index digest_items_waiting_idx on digest_items (user_id, channel) where job_id is null;

create table digest_sends (
  user_id uuid not null references users (id),
  channel text not null check (channel in ('email', 'telegram')),
  day date not null,
  job_id bigint references jobs (id),
  primary key (user_id, channel, day)
);

-- a notification names its channel; a digest job carries only items held for its person and channel
create or replace function digest_items_guard() returns trigger language plpgsql as $$
declare
  j jsonb;
begin
  if new.job_id is not null then
    select payload into j from jobs where id = new.job_id and type = 'notify';
    if j is null or (j ->> 'digest') is distinct from 'true' or j ->> 'userId' <> new.user_id::text or j ->> 'channel' <> new.channel then
      raise exception 'a digest item goes only into a digest of its person and channel' using errcode = 'check_violation';
    end if;
  end if;
  if tg_op = 'UPDATE' and (old.job_id is not null or new.user_id <> old.user_id or new.channel <> old.channel or new.event_id <> old.event_id) then
    raise exception 'a digest item is held once and sent once' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger digest_items_guard before insert or update on digest_items for each row execute function digest_items_guard();

grant select, insert, update on digest_items, digest_sends to copydesk_app;
grant usage, select on sequence digest_items_id_seq to copydesk_app;
