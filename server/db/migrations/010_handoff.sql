-- 010: the outbox and the governed hand-off (issue 18).
--
-- An event is written in the transaction of the change that causes it; its deliveries are jobs of
-- the queue the runs already use (type `deliver`), retried with backoff (`not_before`) until a
-- destination answers 2xx or the attempts run out. The database is the last line:
--   * a `content.approved` event exists only for an approved run, and carries its frozen text;
--   * events are never changed or deleted by the app (select and insert only);
--   * a delivery job names an event that exists.

create table events (
  -- 'content.approved:<run id>': one per approved run, the id receivers deduplicate by
  id text primary key,
  type text not null check (type in ('content.approved')),
  run_id uuid not null references runs (id),
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index events_run_idx on events (run_id);

create function events_guard() returns trigger language plpgsql as $$
declare
  run_status text;
  final text;
begin
  select status, final_text into run_status, final from runs where id = new.run_id;
  if new.type = 'content.approved' then
    if run_status is distinct from 'approved' then
      raise exception 'run % is %: approved content is handed off only after approval', new.run_id, coalesce(run_status, 'missing')
        using errcode = 'check_violation';
    end if;
    if new.id <> 'content.approved:' || new.run_id or new.payload ->> 'text' is distinct from final
       or new.payload ->> 'runId' is distinct from new.run_id::text then
      raise exception 'an approved-content event carries its run''s id and frozen final text' using errcode = 'check_violation';
    end if;
  end if;
  return new;
end $$;
create trigger events_guard before insert on events for each row execute function events_guard();

-- Deliveries are jobs: the same claim, lease and worker as a run's steps.
alter table jobs drop constraint jobs_type_check;
alter table jobs add constraint jobs_type_check check (type in ('run', 'resume', 'deliver'));
alter table jobs add column not_before timestamptz;
-- one active graph job per run; deliveries of its events run beside it
drop index jobs_one_active_per_run;
create unique index jobs_one_active_per_run on jobs (run_id) where status in ('queued', 'running') and type in ('run', 'resume');

create function jobs_delivery_guard() returns trigger language plpgsql as $$
begin
  if new.type = 'deliver' and not exists (select 1 from events e where e.id = new.payload ->> 'eventId' and e.run_id = new.run_id) then
    raise exception 'a delivery names an event of its run' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger jobs_delivery_guard before insert on jobs for each row execute function jobs_delivery_guard();

grant select, insert on events to copydesk_app;
