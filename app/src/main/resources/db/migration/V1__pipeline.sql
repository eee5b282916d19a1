-- The organisations that use Voluntree, their admins and their Facebook pages.
create table organisations (
    id          bigserial primary key,
    name        text        not null,
    created_at  timestamptz not null default now()
);

create table admins (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    email           text        not null,
    password_hash   text        not null,
    role            text        not null default 'owner' check (role in ('owner', 'admin', 'viewer')),
    created_at      timestamptz not null default now()
);
create unique index admins_email_key on admins (lower(email));

create table pages (
    id               bigserial primary key,
    organisation_id  bigint      not null references organisations (id) on delete cascade,
    facebook_page_id text        not null unique,
    name             text        not null,
    created_at       timestamptz not null default now()
);

-- Every comment, message and postback the webhook accepted, keyed by Facebook's id.
create table messages (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    page_id         bigint      not null references pages (id) on delete cascade,
    external_id     text        not null unique,
    kind            text        not null check (kind in ('COMMENT', 'MESSAGE', 'POSTBACK')),
    post_id         text,
    parent_id       text,
    author_id       text,
    author_name     text,
    text            text,
    payload         text,
    created_at      timestamptz not null,
    received_at     timestamptz not null,
    removed_at      timestamptz
);
create index messages_organisation_created on messages (organisation_id, created_at desc);

-- One verdict per message and analyzer, from the model version named.
create table classifications (
    message_id    bigint  not null references messages (id) on delete cascade,
    analyzer      text    not null,
    model_version integer not null,
    label         text    not null,
    score         real    not null,
    scores        real[]  not null,
    primary key (message_id, analyzer)
);
create index classifications_label on classifications (analyzer, label);

-- People who said they want to help, per organisation, by their page-scoped Facebook id.
create table volunteers (
    id               bigserial primary key,
    organisation_id  bigint      not null references organisations (id) on delete cascade,
    facebook_user_id text        not null,
    name             text,
    first_seen_at    timestamptz not null,
    unique (organisation_id, facebook_user_id)
);

-- A message in which a volunteer showed interest (intent = volunteer above the threshold).
create table interests (
    id              bigserial primary key,
    organisation_id bigint      not null references organisations (id) on delete cascade,
    volunteer_id    bigint      not null references volunteers (id) on delete cascade,
    message_id      bigint      not null unique references messages (id) on delete cascade,
    post_id         text,
    score           real        not null,
    created_at      timestamptz not null
);
create index interests_organisation_created on interests (organisation_id, created_at desc);
