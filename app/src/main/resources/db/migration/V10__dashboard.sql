-- API tokens: only a SHA-256 digest of each token is kept; the hint lets an admin recognise it.
create table api_tokens (
    id           bigserial primary key,
    admin_id     bigint      not null references admins (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,
    hint         text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz not null
);
create index api_tokens_admin on api_tokens (admin_id);

-- Chat between an organisation's admins.
create table chat_sessions (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    title           text        not null,
    created_by      bigint      references admins (id) on delete set null,
    created_at      timestamptz not null default now()
);
create index chat_sessions_organisation on chat_sessions (organisation_id, created_at desc);

create table chat_members (
    session_id bigint      not null references chat_sessions (id) on delete cascade,
    admin_id   bigint      not null references admins (id) on delete cascade,
    joined_at  timestamptz not null default now(),
    primary key (session_id, admin_id)
);
create index chat_members_admin on chat_members (admin_id);

create table chat_messages (
    id         bigserial primary key,
    session_id bigint      not null references chat_sessions (id) on delete cascade,
    author_id  bigint      references admins (id) on delete set null,
    text       text        not null,
    created_at timestamptz not null default now()
);
create index chat_messages_session on chat_messages (session_id, id);
create index chat_messages_created on chat_messages (created_at);

-- A duplicate volunteer (the same person under another Facebook id) points at the one that stays.
-- The writer keeps finding the duplicate's row by its Facebook id; reads follow merged_into.
alter table volunteers add column merged_into bigint references volunteers (id) on delete set null;
create index volunteers_merged_into on volunteers (merged_into) where merged_into is not null;
