-- 001: the spine. Users and sessions, briefs, runs with their drafts and human gates,
-- the job queue the workers claim, LangGraph checkpoints, prompt versions, and the
-- append-only hash-chained audit log. The rules that keep a draft from reaching
-- `approved` without its gates live here as triggers, so no code path can skip them.

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text not null,
  roles text[] not null check (
    cardinality(roles) > 0
    and roles <@ array['writer', 'factcheck', 'legal', 'editor', 'cmo', 'admin']::text[]),
  team text,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

-- Server-side sessions (the cookie holds a random token; we keep only its sha256), so any
-- API process can serve any request.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table briefs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('offer', 'headlines', 'interview_summary', 'seo_clusters')),
  title text not null,
  audience text not null,
  task text not null,
  offer text not null,
  format text not null,
  channel text not null,
  deadline date not null,
  quality_criteria text not null,
  success_metrics text not null,
  fact_check_owner_id uuid references users (id),
  lang text not null check (lang in ('ru', 'en')),
  inputs jsonb not null default '{}',
  author_id uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index briefs_author_idx on briefs (author_id, created_at desc);
create index briefs_created_idx on briefs (created_at desc);

create table runs (
  id uuid primary key default gen_random_uuid(),
  brief_id uuid not null references briefs (id),
  -- copied from the brief so separation-of-duties checks need no join and cannot drift
  author_id uuid not null references users (id),
  status text not null default 'queued' check (status in (
    'queued', 'running', 'awaiting_review', 'changes_requested', 'approved', 'rejected', 'failed')),
  error text,
  draft_version int not null default 0,
  -- the policy (content hash) the run's gates were planned with; it never changes for the run
  policy_version text,
  -- copied from that policy: different people must pass the gates of one draft
  distinct_reviewers boolean not null default false,
  final_text text,
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index runs_brief_idx on runs (brief_id, created_at desc);
create index runs_status_idx on runs (status);

create table drafts (
  run_id uuid not null references runs (id),
  version int not null check (version > 0),
  lang text not null,
  content jsonb not null,
  text text not null,
  engine text not null check (engine in ('offline', 'openai')),
  model text not null,
  prompt_id text not null,
  prompt_version text not null,
  feedback text,
  -- risk classification of the draft (spans index `text`), required wording it lacks, and
  -- how many personal-data findings it still holds (a draft with any passes no gate)
  categories text[] not null default '{}',
  risks jsonb not null default '[]',
  missing jsonb not null default '[]',
  pii_findings int not null default 0,
  created_at timestamptz not null default now(),
  primary key (run_id, version)
);

-- The factual claims of a draft; the fact_check gate passes only when every one is verified.
create table claims (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references runs (id),
  draft_version int not null,
  position int not null,
  text text not null,
  kind text not null,
  -- offsets into the draft's text, when the claim stands in it
  start_offset int,
  end_offset int,
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  source text,
  checked_by uuid references users (id),
  checked_at timestamptz,
  unique (run_id, draft_version, position),
  foreign key (run_id, draft_version) references drafts (run_id, version)
);

-- Every policy version ever used, so a run's gates can always be explained and replanned
-- with the exact rules they came from.
create table policy_versions (
  version text primary key,
  name text not null,
  snapshot jsonb not null,
  first_seen_at timestamptz not null default now()
);

create table gates (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references runs (id),
  draft_version int not null,
  position int not null,
  gate text not null check (gate in ('fact_check', 'legal_review', 'no_personal_data', 'brand_review', 'release')),
  role text not null check (role in ('writer', 'factcheck', 'legal', 'editor', 'cmo', 'admin')),
  assignee_id uuid references users (id),
  status text not null default 'pending' check (status in (
    'pending', 'open', 'passed', 'waived', 'changes_requested', 'rejected', 'superseded')),
  sla_business_days int not null,
  -- roles the policy lets waive this gate (with a reason); empty = no waiver
  waivable_by text[] not null default '{}',
  escalate_to text,
  opened_at timestamptz,
  due_at timestamptz,
  decided_by uuid references users (id),
  decided_at timestamptz,
  comment text,
  created_at timestamptz not null default now(),
  unique (run_id, draft_version, gate),
  unique (run_id, draft_version, position)
);
create index gates_open_idx on gates (role, due_at) where status = 'open';
create index gates_run_idx on gates (run_id, draft_version, position);

-- Every decision ever taken, including ones on superseded drafts (the gate row keeps the last).
create table gate_decisions (
  id uuid primary key default gen_random_uuid(),
  gate_id uuid not null references gates (id),
  run_id uuid not null references runs (id),
  decided_by uuid not null references users (id),
  decision text not null check (decision in ('pass', 'request_changes', 'reject', 'waive')),
  comment text not null default '',
  policy_version text,
  decided_at timestamptz not null default now()
);
create index gate_decisions_run_idx on gate_decisions (run_id, decided_at);

-- A decision is valid only from someone who holds the gate's role, is its assignee when it
-- has one, and is not the author of the run. Checked here so no endpoint can get it wrong.
create function gates_check_decider() returns trigger language plpgsql as $$
declare
  author uuid;
  distinct_people boolean;
  decider_roles text[];
begin
  if new.status in ('passed', 'waived', 'changes_requested', 'rejected') and new.status is distinct from old.status then
    if old.status <> 'open' then
      raise exception 'gate % is %, not open', new.id, old.status using errcode = 'check_violation';
    end if;
    if new.decided_by is null then
      raise exception 'gate % decided without a decider', new.id using errcode = 'check_violation';
    end if;
    select author_id, distinct_reviewers into author, distinct_people from runs where id = new.run_id;
    if new.decided_by = author then
      raise exception 'the author of run % cannot decide its gates', new.run_id using errcode = 'check_violation';
    end if;
    select roles into decider_roles from users where id = new.decided_by and disabled_at is null;
    if new.status = 'waived' then
      if decider_roles is null or not (decider_roles && new.waivable_by) then
        raise exception 'gate % cannot be waived by this person (policy: %)', new.id, new.waivable_by using errcode = 'check_violation';
      end if;
    else
      if decider_roles is null or not (new.role = any (decider_roles)) then
        raise exception 'gate % needs role %', new.id, new.role using errcode = 'check_violation';
      end if;
      if new.assignee_id is not null and new.assignee_id <> new.decided_by then
        raise exception 'gate % is assigned to another person', new.id using errcode = 'check_violation';
      end if;
    end if;
    if new.status in ('passed', 'waived') then
      if distinct_people and exists (select 1 from gates g where g.run_id = new.run_id
          and g.draft_version = new.draft_version and g.id <> new.id and g.decided_by = new.decided_by
          and g.status in ('passed', 'waived')) then
        raise exception 'the policy requires different people for the gates of draft %', new.draft_version using errcode = 'check_violation';
      end if;
      if exists (select 1 from drafts d where d.run_id = new.run_id and d.version = new.draft_version and d.pii_findings > 0) then
        raise exception 'draft % still holds personal data: no gate can pass', new.draft_version using errcode = 'check_violation';
      end if;
      if new.gate = 'fact_check' and new.status = 'passed' and exists (select 1 from claims c where c.run_id = new.run_id
          and c.draft_version = new.draft_version and c.status <> 'verified') then
        raise exception 'fact_check of draft % cannot pass: not every claim is verified', new.draft_version using errcode = 'check_violation';
      end if;
    end if;
  end if;
  return new;
end $$;
create trigger gates_check_decider before update on gates
  for each row execute function gates_check_decider();

-- `approved` only when the current draft has gates, they include the final release, and
-- every one of them is passed (or waived, where the policy allowed it).
create function runs_check_approval() returns trigger language plpgsql as $$
begin
  if new.status = 'approved' and old.status is distinct from 'approved' then
    if not exists (select 1 from gates g where g.run_id = new.id and g.draft_version = new.draft_version
                   and g.gate = 'release' and g.status = 'passed')
       or exists (select 1 from gates g where g.run_id = new.id and g.draft_version = new.draft_version
                  and g.status not in ('passed', 'waived')) then
      raise exception 'run % cannot be approved: not every gate of draft % is passed', new.id, new.draft_version
        using errcode = 'check_violation';
    end if;
  end if;
  if old.status in ('approved', 'rejected') and new.status is distinct from old.status then
    raise exception 'run % is already % and cannot change', new.id, old.status using errcode = 'check_violation';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger runs_check_approval before update on runs
  for each row execute function runs_check_approval();

-- The work queue. Workers claim with FOR UPDATE SKIP LOCKED and hold a lease they renew;
-- a job whose lease ran out (its process died) is claimed again. At most one active job
-- per run, so two workers never drive the same run's graph at once.
create table jobs (
  id bigserial primary key,
  run_id uuid not null references runs (id),
  type text not null check (type in ('run', 'resume')),
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts int not null default 0,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index jobs_one_active_per_run on jobs (run_id) where status in ('queued', 'running');
create index jobs_claim_idx on jobs (id) where status in ('queued', 'running');

-- LangGraph checkpoints (thread = run), stored as the saver's serialized bytes.
create table lg_checkpoints (
  thread_id text not null,
  checkpoint_ns text not null default '',
  checkpoint_id text not null,
  parent_checkpoint_id text,
  type text not null,
  checkpoint bytea not null,
  metadata bytea not null,
  created_at timestamptz not null default now(),
  primary key (thread_id, checkpoint_ns, checkpoint_id)
);
create table lg_writes (
  thread_id text not null,
  checkpoint_ns text not null default '',
  checkpoint_id text not null,
  task_id text not null,
  idx int not null,
  channel text not null,
  type text not null,
  value bytea not null,
  task_path text not null default '',
  primary key (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
);

-- Every prompt version ever used: results and audit rows name (id, version).
create table prompt_versions (
  id text not null,
  version text not null,
  hash text not null,
  kind text not null,
  lang text not null,
  meta jsonb not null,
  body text not null,
  first_seen_at timestamptz not null default now(),
  primary key (id, version)
);

-- The audit log: append-only, each row chained to the previous one by sha256. `seq`, the
-- previous hash and the hash are set by the trigger under an advisory lock, so concurrent
-- writers still form one chain. `copydesk audit verify` recomputes it independently.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null default now(),
  actor_id uuid, -- no foreign key: the log outlives the users it names
  action text not null,
  run_id uuid,
  data jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_id, at);
create index audit_log_run_idx on audit_log (run_id) where run_id is not null;
create index audit_log_action_idx on audit_log (action, at);

create function audit_log_chain() returns trigger language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
begin
  perform pg_advisory_xact_lock(72010002);
  select seq, hash into last_seq, last_hash from audit_log order by seq desc limit 1;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.at := coalesce(new.at, now());
  new.hash := encode(sha256(convert_to(
    new.prev_hash || '|' || new.seq || '|' || (extract(epoch from new.at) * 1000000)::bigint || '|' ||
    coalesce(new.actor_id::text, '') || '|' || new.action || '|' || coalesce(new.run_id::text, '') || '|' ||
    new.data::text, 'UTF8')), 'hex');
  return new;
end $$;
create trigger audit_log_chain before insert on audit_log
  for each row execute function audit_log_chain();

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % rejected', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
