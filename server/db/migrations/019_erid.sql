-- 019: the erid of a paid online ad (38-FZ art. 18.1; issue 19, item 6). The release decision of a
-- run for one of its policy's paid-ad channels names the erid the team got from its ad-data
-- operator (ОРД); approval copies it onto the run with the frozen text. The database refuses to
-- approve such a run without it, and the app cannot write a run's erid itself.
alter table gate_decisions add column erid text check (erid is null or erid ~ '^[A-Za-z0-9]{6,64}$');
alter table runs add column erid text;

create function runs_erid() returns trigger language plpgsql as $$
declare
  paid boolean;
begin
  if new.status = 'approved' and old.status is distinct from 'approved' then
    new.erid := (select d.erid from gate_decisions d join gates g on g.id = d.gate_id
      where g.run_id = new.id and g.draft_version = new.draft_version and g.gate = 'release' and d.decision = 'pass'
      order by d.decided_at desc limit 1);
    select coalesce((p.snapshot -> 'file' -> 'paid_ad_channels') ? b.channel, false) into paid
      from briefs b left join policy_versions p on p.version = new.policy_version where b.id = new.brief_id;
    if paid and new.erid is null then
      raise exception 'run %: a paid ad is released with its erid (38-FZ art. 18.1)', new.id using errcode = 'check_violation';
    end if;
  elsif new.erid is distinct from old.erid then
    raise exception 'run %: its erid comes from the release decision, at approval', new.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger runs_erid before update on runs for each row execute function runs_erid();
alter table runs enable always trigger runs_erid;
