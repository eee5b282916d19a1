-- Facebook data deletion requests: the person's id is kept only as a SHA-256, to answer status checks.
create table data_deletions (
    confirmation_code text        primary key,
    user_hash         text        not null,
    requested_at      timestamptz not null default now(),
    completed_at      timestamptz,
    messages_deleted  integer     not null default 0,
    volunteers_deleted integer    not null default 0
);
