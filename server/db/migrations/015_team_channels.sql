-- 015: the review's events also go to a team's channels (issue 18, item 2): a signed webhook of
-- every event for scripts (`events`), a Slack or Mattermost incoming webhook (`chat`) and a
-- Telegram chat (`telegram`) for the team-wide ones. Each is a `deliver` job of its event, queued
-- in the event's transaction while the server has the channel on (written at start, as e-mail is).
alter table notify_channels drop constraint notify_channels_channel_check;
alter table notify_channels add constraint notify_channels_channel_check check (channel in ('email', 'events', 'chat', 'telegram'));
