-- 008: what a brief advertises. 38-FZ's sector rules (art. 21, 24, 25, 28) apply by the object of
-- advertising, so the writer names it: a sector id of the policy (`sectors`) or 'other'. Null for
-- briefs made before this field (and by scripts that leave it out): the sector is inferred from
-- the text alone. Immutable like the rest of a brief's content once a run has used it.
alter table briefs add column advertised text check (advertised is null or advertised ~ '^[a-z][a-z0-9_-]{0,59}$');
