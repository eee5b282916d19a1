-- What an admin wrote in Messenger to everyone holding a place to come in one signup's slots
-- (POST /api/signups/{id}/announcements). The text is sent from here, not from the queue's jobs.
create table signup_announcements (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    signup_id       bigint      not null references signups (id) on delete cascade,
    admin_id        bigint      references admins (id) on delete set null,
    text            text        not null,
    -- the people it was queued for: those with a place to come who ever wrote to the page in Messenger
    reached         integer,
    created_at      timestamptz not null default now()
);
create index signup_announcements_signup on signup_announcements (signup_id, created_at desc);
