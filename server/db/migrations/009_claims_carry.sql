-- 009: a verified claim carries over to the next draft; mandatory wording a draft lacks blocks a
-- pass unless the reviewer waives it with a reason.
--
-- Claims. Every new version of a draft used to reset all of its claims, so one approved offer took
-- 32 sources typed by hand. A claim whose statement is unchanged now keeps its verification: it is
-- created `verified`, with the source and checker of the claim it carries (`carried_from`), and
-- the guard accepts exactly that and nothing else: the claim it names must be a verified claim of
-- an earlier draft of the same run, with the same statement, source and checker, and no version
-- in between may have judged that statement otherwise. Anything else is still created pending.

-- A statement as the fact-checker reads it: case, ё/е, punctuation, quotes and spacing do not count.
-- The app deduplicates a draft's claims with the same rule (statementOf in server/policy/claims.ts;
-- test/claims-statement.test.ts holds the two to each other). Cyrillic is lowered by translate()
-- because lower() under a "C" collation lowers ASCII only.
create function claim_statement(t text) returns text language sql immutable strict parallel safe as $$
  select btrim(regexp_replace(regexp_replace(
    translate(lower(t), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё' || chr(160) || chr(8239) || chr(8201),
                        'абвгдеежзийклмнопрстуфхцчшщъыьэюяе   '),
    '[]\[.,;:!?…''"`«»„“”‟‘’‚‛‹›(){}‐‑‒–—―•·*_/\\|-]', ' ', 'g'),
    '[[:space:]]+', ' ', 'g'))
$$;

alter table claims add column carried_from uuid references claims (id);
comment on column claims.carried_from is 'the verified claim of an earlier draft whose check this claim keeps (same statement, source and checker)';

create or replace function claims_guard() returns trigger language plpgsql as $$
declare
  run_status text;
  src claims%rowtype;
begin
  if tg_op = 'DELETE' then
    raise exception 'claim % cannot be deleted', old.id using errcode = 'insufficient_privilege';
  end if;
  select status into run_status from runs where id = new.run_id;
  if run_status in ('approved', 'rejected') then
    raise exception 'run % is %: its claims are frozen', new.run_id, run_status using errcode = 'check_violation';
  end if;
  if tg_op = 'INSERT' then
    if new.carried_from is null then
      if new.status <> 'pending' or new.checked_by is not null or new.checked_at is not null or new.source is not null then
        raise exception 'a claim is created pending (or carried over from a verified claim)' using errcode = 'check_violation';
      end if;
      return new;
    end if;
    select * into src from claims where id = new.carried_from;
    if not found or src.run_id <> new.run_id or src.draft_version >= new.draft_version or src.status <> 'verified'
       or claim_statement(src.text) <> claim_statement(new.text)
       or new.status <> 'verified' or new.source is distinct from src.source or new.checked_by is distinct from src.checked_by
       or exists (select 1 from claims x where x.run_id = new.run_id and x.draft_version > src.draft_version
                  and x.draft_version < new.draft_version and x.status <> 'verified'
                  and claim_statement(x.text) = claim_statement(new.text)) then
      raise exception 'claim of draft % of run %: only a verified claim of an earlier draft with the same statement, source and checker carries over',
        new.draft_version, new.run_id using errcode = 'check_violation';
    end if;
    new.checked_at := src.checked_at; -- the check is the one made then, not a new one
    return new;
  end if;
  if (new.id, new.run_id, new.draft_version, new.position, new.text, new.kind, new.start_offset, new.end_offset)
     is distinct from (old.id, old.run_id, old.draft_version, old.position, old.text, old.kind, old.start_offset, old.end_offset) then
    raise exception 'claim %: its text is fixed', old.id using errcode = 'insufficient_privilege';
  end if;
  -- A new check replaces the carried one (and says so by dropping the link); a link is never made later.
  if new.carried_from is distinct from old.carried_from and new.carried_from is not null then
    raise exception 'claim %: a claim carries over only when it is created', old.id using errcode = 'insufficient_privilege';
  end if;
  if not exists (select 1 from gates where run_id = new.run_id and draft_version = new.draft_version
                 and gate = 'fact_check' and status = 'open') then
    raise exception 'claim %: claims are checked while their fact_check gate is open', old.id using errcode = 'check_violation';
  end if;
  if new.checked_by is null then
    raise exception 'claim %: a check names who made it', old.id using errcode = 'check_violation';
  end if;
  new.checked_at := now();
  return new;
end $$;
alter table claims enable always trigger claims_guard;

-- Mandatory wording. The policy lists the gates where a draft that still lacks required wording
-- (drafts.missing: the contraindication warning, the ad marking) cannot simply pass
-- (`missing_wording.blocks_pass_at`, by the run's policy version; a policy recorded before the
-- option, or a run without a version, has the default: legal_review and release). Such a pass
-- is on record with the requirements waived and the reviewer's reason, or it is refused. Every
-- pass needs its gate_decisions row (006), so checking that row checks every pass.
alter table gate_decisions add column missing_waived jsonb;
alter table gate_decisions add column missing_waiver_reason text;

create function gate_decisions_missing_wording() returns trigger language plpgsql as $$
declare
  g gates%rowtype;
  blocks jsonb;
  lacking jsonb;
begin
  if new.decision <> 'pass' then
    if new.missing_waived is not null or new.missing_waiver_reason is not null then
      raise exception 'decision %: missing wording is waived only by a pass', new.id using errcode = 'check_violation';
    end if;
    return new;
  end if;
  select * into g from gates where id = new.gate_id;
  select coalesce(pv.snapshot -> 'file' -> 'missing_wording' -> 'blocks_pass_at', '["legal_review", "release"]'::jsonb)
    into blocks
    from runs r left join policy_versions pv on pv.version = r.policy_version where r.id = g.run_id;
  select coalesce(jsonb_agg(distinct m -> 'requirement'), '[]'::jsonb) into lacking
    from drafts d, jsonb_array_elements(d.missing) m where d.run_id = g.run_id and d.version = g.draft_version;
  if coalesce(blocks, '["legal_review", "release"]'::jsonb) ? g.gate and jsonb_array_length(lacking) > 0
     and not (coalesce(new.missing_waived, '[]'::jsonb) @> lacking and length(btrim(coalesce(new.missing_waiver_reason, ''))) >= 10) then
    raise exception 'gate % (%) cannot pass: the draft lacks mandatory wording % and no reason waives it', g.id, g.gate, lacking
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger gate_decisions_missing_wording before insert on gate_decisions
  for each row execute function gate_decisions_missing_wording();
alter table gate_decisions enable always trigger gate_decisions_missing_wording;
