-- 013: comments on the text (issue 18, item 3). A thread is anchored to a span of one draft version
-- (its offsets and the words it quotes); its comments are appended, never changed or deleted; a
-- thread is resolved and reopened, by whom and when on record. A mention notifies through the
-- outbox of 010/012. The database is the last line:
--   * a thread quotes words its draft holds, and is opened only while the run is under way;
--   * comments are append-only, dated by the database, on threads of runs still under way;
--   * a thread's anchor and author never change; resolving names who and is dated here.

create table comment_threads (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references runs (id),
  draft_version int not null,
  start_offset int not null check (start_offset >= 0),
  end_offset int not null,
  quote text not null check (length(quote) between 1 and 2000),
  status text not null default 'open' check (status in ('open', 'resolved')),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  resolved_by uuid references users (id),
  resolved_at timestamptz,
  check (end_offset > start_offset),
  foreign key (run_id, draft_version) references drafts (run_id, version)
);
create index comment_threads_run_idx on comment_threads (run_id, created_at);

create table comments (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references comment_threads (id),
  author_id uuid not null references users (id),
  body text not null check (length(body) between 1 and 5000),
  mentions uuid[] not null default '{}',
  created_at timestamptz not null default now()
);
create index comments_thread_idx on comments (thread_id, created_at);

create function comment_threads_guard() returns trigger language plpgsql as $$
declare
  run_status text;
  draft_text text;
begin
  if tg_op = 'DELETE' then
    raise exception 'a comment thread is part of the review record and is never deleted' using errcode = 'insufficient_privilege';
  end if;
  select status into run_status from runs where id = new.run_id;
  if run_status in ('approved', 'rejected') then
    raise exception 'run % is %: its discussion is closed', new.run_id, run_status using errcode = 'check_violation';
  end if;
  if tg_op = 'INSERT' then
    select text into draft_text from drafts where run_id = new.run_id and version = new.draft_version;
    if draft_text is null or position(new.quote in draft_text) = 0 then
      raise exception 'a thread quotes words of its draft' using errcode = 'check_violation';
    end if;
    if new.status <> 'open' or new.resolved_by is not null or new.resolved_at is not null then
      raise exception 'a thread starts open' using errcode = 'check_violation';
    end if;
    new.created_at := now();
    return new;
  end if;
  if (new.id, new.run_id, new.draft_version, new.start_offset, new.end_offset, new.quote, new.created_by, new.created_at)
     is distinct from (old.id, old.run_id, old.draft_version, old.start_offset, old.end_offset, old.quote, old.created_by, old.created_at) then
    raise exception 'thread %: its anchor and author are fixed', old.id using errcode = 'insufficient_privilege';
  end if;
  if new.status = 'resolved' and old.status = 'open' then
    if new.resolved_by is null then
      raise exception 'thread %: resolving names who resolved it', old.id using errcode = 'check_violation';
    end if;
    new.resolved_at := now();
  elsif new.status = 'open' and old.status = 'resolved' then
    new.resolved_by := null;
    new.resolved_at := null;
  elsif (new.resolved_by, new.resolved_at) is distinct from (old.resolved_by, old.resolved_at) then
    raise exception 'thread %: who resolved it is written only when it is resolved', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger comment_threads_guard before insert or update or delete on comment_threads
  for each row execute function comment_threads_guard();

create function comments_guard() returns trigger language plpgsql as $$
declare
  run_status text;
begin
  if tg_op <> 'INSERT' then
    raise exception 'comments are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
  end if;
  select r.status into run_status from comment_threads t join runs r on r.id = t.run_id where t.id = new.thread_id;
  if run_status in ('approved', 'rejected') then
    raise exception 'the run is %: its discussion is closed', run_status using errcode = 'check_violation';
  end if;
  new.created_at := now();
  return new;
end $$;
create trigger comments_guard before insert or update or delete on comments
  for each row execute function comments_guard();
create trigger comments_no_truncate before truncate on comments
  for each statement execute function comments_guard();
alter table comment_threads enable always trigger comment_threads_guard;
alter table comments enable always trigger comments_guard;
alter table comments enable always trigger comments_no_truncate;

alter table events drop constraint events_type_check;
alter table events add constraint events_type_check check (type in (
  'content.approved', 'gate.opened', 'gate.assigned', 'changes.requested', 'run.approved', 'run.rejected', 'comment.mention'));

grant select, insert, update on comment_threads to copydesk_app;
grant select, insert on comments to copydesk_app;
