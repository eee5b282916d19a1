-- What an admin did about a comment in the moderation queue, and how it went on Facebook. A
-- comment leaves the queue once an action on it succeeded.
create table moderation_actions (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    message_id      bigint      not null references messages (id) on delete cascade,
    action          text        not null check (action in ('hide', 'unhide', 'delete', 'dismiss')),
    admin_id        bigint      references admins (id) on delete set null,
    at              timestamptz not null default now(),
    outcome         text        not null check (outcome in ('done', 'failed')),
    reason          text
);
create index moderation_actions_message on moderation_actions (message_id, at desc);
create index classifications_offense_score on classifications (label, score) where analyzer = 'offense';
