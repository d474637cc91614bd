-- The writer's reviewed false positives of the personal-data check, per brief field and span:
-- [{"path": "audience", "start": 10, "end": 14, "type": "PERSON", "reason": "…"}]. Never values.
alter table briefs add column pii_dismissals jsonb not null default '[]';
