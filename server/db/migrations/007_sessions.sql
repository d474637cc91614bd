-- 007: sessions that end, and login throttling shared by every API process.

-- Idle timeout. The middleware refreshes last_seen_at at most once a minute per session, so
-- a busy client costs one write a minute, not one per request. Existing sessions count as
-- seen now: nobody is logged out by the upgrade itself.
alter table sessions add column last_seen_at timestamptz not null default now();

-- Failed logins per key: 'acct:<sha256 of the normalised e-mail>' (also for e-mails that
-- match no user, so the answers do not reveal which accounts exist, and no typed e-mail is
-- stored) or 'ip:<client address>' (kept plain: the row is forgotten at reset_at and an
-- admin under attack needs the address to block it; the audit log gets only a hash).
-- It lives in the database, not in memory, so several API processes share one count.
create table login_throttle (
  key text primary key,
  failures int not null default 0 check (failures >= 0),
  -- attempts past the check whose password is still being verified: reserved before scrypt
  -- runs, so a burst of parallel requests cannot all slip through before one is counted
  pending int not null default 0 check (pending >= 0),
  pending_at timestamptz,
  locked_until timestamptz,
  -- the row means nothing after this (a window after the last failure or the end of the lock)
  reset_at timestamptz not null default now(),
  -- refused attempts since the last auth.throttled audit row (at most one row a minute per key)
  refused int not null default 0,
  audited_at timestamptz
);
create index login_throttle_reset_idx on login_throttle (reset_at);

-- A new password or a disabled account ends every session of that user, whichever code path
-- (CLI, a future admin screen, plain SQL by a DBA) made the change. The login query also
-- refuses sessions of disabled users, so this is the cleanup, not the only guard.
create function users_end_sessions() returns trigger language plpgsql as $$
begin
  delete from sessions where user_id = new.id;
  return null;
end $$;
create trigger users_end_sessions after update of password_hash, disabled_at on users
  for each row
  when (old.password_hash is distinct from new.password_hash
    or (new.disabled_at is not null and old.disabled_at is null))
  execute function users_end_sessions();
-- like the guards of 006: replica mode must not switch it off
alter table users enable always trigger users_end_sessions;

-- The app's role (006) reads and writes the counters; it owns nothing.
grant select, insert, update, delete on login_throttle to copydesk_app;
